import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import type { Session } from '../../app/session/Session.js';

/** A template's sizes, types and file systems as the wizard last loaded them, or why they could not be. */
export interface WizardChoices {
  choices?: LaunchChoices;
  error?: string;
  /** Lists them again (an EFS file system made meanwhile); the last answer stays until the new one. */
  reload(): void;
}

/** Loads the chosen template's launch choices, again whenever the template changes or on reload. */
export function useWizardChoices(session: Session, slug: string | undefined): WizardChoices {
  const [loaded, setLoaded] = useState<{ key: string; value?: LaunchChoices; error?: string }>();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  useEffect(() => {
    void generation;
    if (!slug) return;
    let cancelled = false;
    session.launchChoices(slug).then(
      (value) => !cancelled && setLoaded({ key: slug, value }),
      (error: unknown) => !cancelled && setLoaded({ key: slug, error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, slug, generation]);
  if (!loaded || loaded.key !== slug) return { reload };
  return {
    reload,
    ...(loaded.value ? { choices: loaded.value } : {}),
    ...(loaded.error !== undefined ? { error: loaded.error } : {}),
  };
}
