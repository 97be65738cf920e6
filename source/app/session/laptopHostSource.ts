import { LAPTOP_SSH_HOST_ENV } from '../../core/connect/laptopSshTarget.js';

/** The laptop address a connection plan uses, and where it was set: the environment wins over the profile. */
export function laptopHostSource(
  env: NodeJS.ProcessEnv,
  profileSetting: string | undefined,
  profileName: string,
): { laptop_host?: { value: string; source: string } } {
  const fromEnv = env[LAPTOP_SSH_HOST_ENV];
  if (fromEnv) return { laptop_host: { value: fromEnv, source: LAPTOP_SSH_HOST_ENV } };
  if (profileSetting)
    return { laptop_host: { value: profileSetting, source: `profile ${profileName}'s --laptop-host` } };
  return {};
}
