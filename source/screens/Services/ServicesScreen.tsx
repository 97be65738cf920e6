import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { DashboardScreen } from '../Dashboard/DashboardScreen.js';

/** The dashboard narrowed to web services, with the same keys (start, stop, connect...). */
export function ServicesScreen(props: ScreenProps) {
  return <DashboardScreen {...props} scope="services" />;
}
