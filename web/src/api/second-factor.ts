import type { LoginCodeRequest } from '../../../shared/auth/second-factor.js';
import { publicApi, read, serviceApi, type OkOf } from './client.js';
import { createKeyedResource, QUERY, queryClient } from './queries.js';

/*
 * Two-step sign-in (issue 14): the signed-in person's own, outside any one partnership. Setting up
 * and removing go through an Authenticator (web/src/auth/authenticator.ts): these routes locally,
 * Cognito's own API in AWS.
 */

const secondFactor = serviceApi.api['second-factor'];

export type SecondFactorStatus = OkOf<typeof secondFactor.$get>;
export type SecondFactorSetup = OkOf<typeof secondFactor.setup.$post>;

/** Read afresh by the server each time: after setting one up with Cognito, this is how the portal learns. */
export const getSecondFactor = () => read(secondFactor.$get());
export const startLocalSetup = () => read(secondFactor.setup.$post());
export const confirmLocalSetup = (code: string) => read(secondFactor.confirm.$post({ json: { code } }));
export const removeLocal = () => read(secondFactor.$delete());

/** The second step of the local sign-in: the code, with the challenge the password earned. */
export const loginWithCode = (json: LoginCodeRequest) => read(publicApi.api.auth.login.code.$post({ json }));

/** The signed-in person's two-step sign-in, while `token` (the session) is there. */
export const useSecondFactor = (token: () => string | null | undefined) => createKeyedResource(QUERY.secondFactor, token, () => getSecondFactor());

/**
 * After turning it on or off: everything is read again, their status and who they are, and what the
 * portal refused them for the want of it (the partnership's details, say).
 */
export const secondFactorChanged = () => queryClient.invalidateQueries();
