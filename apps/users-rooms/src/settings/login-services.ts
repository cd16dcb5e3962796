import { createHash } from 'node:crypto';
import type { LoginServiceConfiguration, OAuthServiceInfo } from '@app/contracts';

/**
 * The built-in login services and how Rocket.Chat names their client id in the service configuration
 * (`Accounts_OAuth_<Key>` on → a configuration for `<key>`, Facebook's id as `appId`, Twitter's as
 * `consumerKey`). Rocket.Chat keeps these in `meteor_accounts_loginServiceConfiguration`; here they are derived
 * from the settings at each read, so a settings change shows at once.
 */
const SERVICES: { key: string; service: string; idField: 'clientId' | 'appId' | 'consumerKey' }[] = [
  { key: 'Facebook', service: 'facebook', idField: 'appId' },
  { key: 'Google', service: 'google', idField: 'clientId' },
  { key: 'Github', service: 'github', idField: 'clientId' },
  { key: 'Gitlab', service: 'gitlab', idField: 'clientId' },
  { key: 'Linkedin', service: 'linkedin', idField: 'clientId' },
  { key: 'Meteor', service: 'meteor', idField: 'clientId' },
  { key: 'Twitter', service: 'twitter', idField: 'consumerKey' },
];

/** A stable id per service (Rocket.Chat's are random; stable ones keep every replica's answers equal). */
const configurationId = (service: string) =>
  createHash('sha256').update(`login-service:${service}`).digest('hex').slice(0, 17);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The configuration of every enabled login service, with its secret when `withSecret`. */
export function loginServiceConfigurations(
  settings: ReadonlyMap<string, unknown>,
  withSecret = false,
): LoginServiceConfiguration[] {
  return SERVICES.filter(({ key }) => settings.get(`Accounts_OAuth_${key}`) === true).map(
    ({ key, service, idField }) => ({
      _id: configurationId(service),
      service,
      [idField]: text(settings.get(`Accounts_OAuth_${key}_id`)),
      ...(withSecret ? { secret: text(settings.get(`Accounts_OAuth_${key}_secret`)) } : {}),
    }),
  );
}

/** settings.oauth: each service's public face (built-in services: never custom, no button styling). */
export function oauthServiceInfos(configurations: LoginServiceConfiguration[]): OAuthServiceInfo[] {
  return configurations.map((c) => ({
    _id: c._id,
    name: c.service,
    clientId: text(c.appId) || text(c.clientId) || text(c.consumerKey),
    buttonLabelText: text(c.buttonLabelText),
    buttonColor: text(c.buttonColor),
    buttonLabelColor: text(c.buttonLabelColor),
    custom: false,
  }));
}
