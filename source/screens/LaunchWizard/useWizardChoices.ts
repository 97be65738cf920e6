import { useEffect, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import type { Session } from '../../app/session/Session.js';

/** A template's sizes, types and file systems as the wizard last loaded them, or why they could not be. */
export interface WizardChoices {
  choices?: LaunchChoices;
  error?: string;
}

/** Loads the chosen template's launch choices, again whenever the template changes. */
export function useWizardChoices(session: Session, slug: string | undefined): WizardChoices {
  const [loaded, setLoaded] = useState<{ key: string; value?: LaunchChoices; error?: string }>();
  useEffect(() => {
    if (!slug) return;
    let cancelled = false;
    session.launchChoices(slug).then(
      (value) => !cancelled && setLoaded({ key: slug, value }),
      (error: unknown) => !cancelled && setLoaded({ key: slug, error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, slug]);
  if (!loaded || loaded.key !== slug) return {};
  return {
    ...(loaded.value ? { choices: loaded.value } : {}),
    ...(loaded.error !== undefined ? { error: loaded.error } : {}),
  };
}
