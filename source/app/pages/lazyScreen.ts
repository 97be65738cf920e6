import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { ScreenProps } from './PageDefinition.js';

/**
 * A screen whose code is imported the first time it is opened, so the modules only it needs (the
 * policy and invitation schemas, the wizard, the cost panel...) stay off the start-up path.
 */
export function lazyScreen<Name extends string>(
  load: () => Promise<Record<Name, ComponentType<ScreenProps>>>,
  name: Name,
): LazyExoticComponent<ComponentType<ScreenProps>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
