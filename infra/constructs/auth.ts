import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { acknowledge } from '../nag.js';
import { Construct } from 'constructs';

/** The portal's roles. Each user belongs to exactly one group; the API reads `cognito:groups`. */
export const PORTAL_GROUPS = ['lead', 'executive', 'partner'] as const;

export interface AuthProps {
  /**
   * Where the SPA is served (`portal.example.org`, no scheme). It sets the OAuth callback and
   * sign-out URLs. When absent, only `http://localhost:3000` is allowed (local SPA against the
   * deployed pool).
   */
  readonly webDomain?: string;
  /** Prefix of the Cognito hosted UI domain: `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
}

/**
 * Sign-in for the portal: a Cognito user pool (no self sign-up: the partnership lead invites
 * users), groups `lead`, `executive`, `partner`, custom attributes `agency` and `signatory`, a public
 * SPA client using the authorization code grant with PKCE, and a hosted UI domain.
 */
export class Auth extends Construct {
  public readonly userPool: cognito.UserPool;
  public readonly client: cognito.UserPoolClient;
  public readonly domain: cognito.UserPoolDomain;
  /** `<prefix>.auth.<region>.amazoncognito.com` (no scheme). */
  public readonly hostedUiDomain: string;
  /** The token issuer the API's JWT authorizer trusts. */
  public readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // The agency a partner user acts for (e.g. `police`, `icb`); empty for the lead/executive.
        agency: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        // Cognito has no typed custom boolean: `"true"` / `"false"`.
        signatory: new cognito.StringAttribute({ minLen: 4, maxLen: 5, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // The pool holds every user account: never deleted by CloudFormation.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [i, groupName] of PORTAL_GROUPS.entries()) {
      new cognito.UserPoolGroup(this, `Group-${groupName}`, {
        userPool: this.userPool,
        groupName,
        precedence: i,
        description: `Portal role: ${groupName}`,
      });
    }

    const origin = props.webDomain ? `https://${props.webDomain}` : 'http://localhost:3000';
    const readAttributes = new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }).withCustomAttributes('agency', 'signatory');
    // Users may change their own name only. `agency` and `signatory` decide what a user may do,
    // so only an administrator (AdminUpdateUserAttributes) can set them: they are not writable
    // through this client (by default every mutable attribute would be).
    const writeAttributes = new cognito.ClientAttributes().withStandardAttributes({ fullname: true });

    this.client = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret: public client, code grant + PKCE (Cognito enforces
      // PKCE whenever the client sends a code_challenge; the SPA always does).
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${origin}/auth/callback`],
        logoutUrls: [`${origin}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes,
      writeAttributes,
    });

    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    const region = Stack.of(this).region;
    this.hostedUiDomain = `${props.domainPrefix}.auth.${region}.amazoncognito.com`;
    this.issuerUrl = `https://cognito-idp.${region}.amazonaws.com/${this.userPool.userPoolId}`;

    acknowledge(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is OPTIONAL (TOTP only) by product decision: partner agencies share the portal with staff who enrol at their own pace; the roles that sign off (lead, signatories) are asked to enrol by the onboarding process. Switching to REQUIRED is a one-line change once every user has TOTP.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Cognito threat protection (the Plus feature plan) is a paid add-on not in scope for the pilot; the pool has no self sign-up (users are invited by the lead), a 12-character password policy and optional TOTP.',
      },
    ]);
  }
}
