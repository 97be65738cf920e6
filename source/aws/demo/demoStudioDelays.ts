/** Seconds each SageMaker transition takes at realistic pace (CWS_DEMO_SPEED scales them). */
export const DEMO_STUDIO_DELAYS_SECONDS = {
  domainCreation: 40,
  profileCreation: 4,
  spaceCreation: 4,
  appPending: 25,
  appDeleting: 8,
  resourceDeleting: 4,
  domainDeleting: 15,
} as const;
