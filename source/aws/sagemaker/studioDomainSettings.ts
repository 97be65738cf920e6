import type {
  AppLifecycleManagement,
  DescribeDomainCommandOutput,
  UpdateDomainCommandInput,
  UserSettings,
} from '@aws-sdk/client-sagemaker';

/**
 * Idle shutdown of JupyterLab and Code Editor, switched on for the whole domain. SageMaker API
 * Reference, IdleSettings (inside UserSettings.JupyterLabAppSettings / CodeEditorAppSettings
 * .AppLifecycleManagement): LifecycleManagement ENABLED with a default, minimum and maximum timeout
 * (each 60-525600 minutes). A space only carries SpaceIdleSettings.IdleTimeoutInMinutes, which must
 * lie between the domain's minimum and maximum: the SDK drops any other field there. The Developer
 * Guide ("Idle shutdown") adds that it acts on SageMaker Distribution images 2.0 and later, which is
 * what new apps run unless an admin configured an older custom image.
 */
export const STUDIO_IDLE_SHUTDOWN: AppLifecycleManagement = {
  IdleSettings: {
    LifecycleManagement: 'ENABLED',
    IdleTimeoutInMinutes: 60,
    MinIdleTimeoutInMinutes: 60,
    MaxIdleTimeoutInMinutes: 525_600,
  },
};

/**
 * The Studio experience, not Studio Classic. SageMaker API Reference, UserSettings: DefaultLandingUri
 * `studio::` "can only be passed if StudioWebPortal is set to ENABLED"; a domain left on Studio
 * Classic starts a JupyterServer app at sign-in, which blocks DeleteUserProfile.
 */
export const STUDIO_LANDING_URI = 'studio::';

/**
 * Each private space's own EBS volume. SageMaker API Reference, DefaultEbsStorageSettings: a default
 * size (SageMaker's own default is 5 GB) and the most a user may grow it to; it is billed while the
 * space exists, app running or not, which is why the cost report counts it.
 */
export const STUDIO_SPACE_EBS = { DefaultEbsVolumeSizeInGb: 5, MaximumEbsVolumeSizeInGb: 100 } as const;

/** The user settings every profile of the app's domain inherits. */
export function studioUserSettings(executionRole: string): UserSettings {
  return {
    ExecutionRole: executionRole,
    StudioWebPortal: 'ENABLED',
    DefaultLandingUri: STUDIO_LANDING_URI,
    JupyterLabAppSettings: { AppLifecycleManagement: STUDIO_IDLE_SHUTDOWN },
    CodeEditorAppSettings: { AppLifecycleManagement: STUDIO_IDLE_SHUTDOWN },
    SpaceStorageSettings: { DefaultEbsStorageSettings: { ...STUDIO_SPACE_EBS } },
  };
}

function idleShutdownOn(settings: { AppLifecycleManagement?: AppLifecycleManagement } | undefined): boolean {
  return settings?.AppLifecycleManagement?.IdleSettings?.LifecycleManagement === 'ENABLED';
}

/**
 * What an existing app domain lacks of the settings above (one made before they were set), as an
 * UpdateDomain request; undefined when nothing is missing. The app settings are merged into what the
 * domain has (UpdateDomain replaces a settings structure it is given), and custom tag propagation is
 * switched on (SageMaker API Reference, UpdateDomain TagPropagation: without it the apps and spaces
 * SageMaker creates do not carry cws:managed, so Cost Explorer cannot attribute their cost).
 */
export function studioDomainUpdate(
  described: DescribeDomainCommandOutput,
): UpdateDomainCommandInput | undefined {
  const user = described.DefaultUserSettings ?? {};
  const update: UpdateDomainCommandInput = { DomainId: described.DomainId ?? '' };
  const settings: UserSettings = {};
  if (!idleShutdownOn(user.JupyterLabAppSettings)) {
    settings.JupyterLabAppSettings = {
      ...user.JupyterLabAppSettings,
      AppLifecycleManagement: STUDIO_IDLE_SHUTDOWN,
    };
  }
  if (!idleShutdownOn(user.CodeEditorAppSettings)) {
    settings.CodeEditorAppSettings = {
      ...user.CodeEditorAppSettings,
      AppLifecycleManagement: STUDIO_IDLE_SHUTDOWN,
    };
  }
  if (user.StudioWebPortal !== 'ENABLED' || user.DefaultLandingUri !== STUDIO_LANDING_URI) {
    settings.StudioWebPortal = 'ENABLED';
    settings.DefaultLandingUri = STUDIO_LANDING_URI;
  }
  if (Object.keys(settings).length > 0) update.DefaultUserSettings = settings;
  if (described.TagPropagation !== 'ENABLED') update.TagPropagation = 'ENABLED';
  return Object.keys(update).length > 1 ? update : undefined;
}
