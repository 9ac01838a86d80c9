let onSecondFactorRequired: (() => void) | null = null;

/**
 * The app registers how to take someone to set up two-step sign-in: any call refused because their
 * role needs an authenticator they have not set up (403 `second-factor-required`) goes there.
 */
export function setSecondFactorHandler(handler: () => void): void {
  onSecondFactorRequired = handler;
}

/** Called by the API client when a call was refused for want of an authenticator. */
export function askForSecondFactor(): void {
  onSecondFactorRequired?.();
}
