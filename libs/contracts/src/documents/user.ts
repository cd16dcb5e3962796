/** Rocket.Chat's IUser (`users` collection), as stored. Dates are Date objects in the service, ISO strings on the wire. */
export interface ILoginToken {
  hashedToken: string;
  when?: Date;
  type?: 'personalAccessToken';
  createdAt?: Date;
  lastTokenPart?: string;
  name?: string;
  bypassTwoFactor?: boolean;
}

export interface IUserEmail {
  address: string;
  verified: boolean;
}

export interface IUserServices {
  password?: { bcrypt?: string; reset?: { token: string; email: string; when: Date; reason?: string } };
  resume?: { loginTokens?: ILoginToken[] };
  totp?: { enabled?: boolean };
  email2fa?: { enabled?: boolean };
  [service: string]: unknown;
}

export interface IUserSettings {
  profile?: Record<string, unknown>;
  preferences?: Record<string, unknown>;
}

/** `online`, `away`, `busy`, `offline` */
export type UserStatus = string;

export interface IUser {
  _id: string;
  createdAt: Date;
  _updatedAt: Date;
  type: string;
  active: boolean;
  roles: string[];
  username?: string;
  name?: string;
  nickname?: string;
  emails?: IUserEmail[];
  status?: UserStatus;
  statusDefault?: UserStatus;
  statusText?: string;
  statusConnection?: string;
  utcOffset?: number;
  language?: string;
  bio?: string;
  reason?: string;
  avatarOrigin?: string;
  avatarETag?: string;
  lastLogin?: Date;
  requirePasswordChange?: boolean;
  requirePasswordChangeReason?: string;
  customFields?: Record<string, unknown>;
  settings?: IUserSettings;
  services?: IUserServices;
  e2e?: Record<string, unknown>;
  inviteToken?: string;
  defaultRoom?: string;
}

/** A user as an endpoint returns it: any subset of the stored fields (never the secrets in `services`). */
export type UserView = Partial<Omit<IUser, 'services'>> & {
  _id: string;
  /** `/me` and `users.info` for oneself: which services exist, secrets masked */
  services?: Record<string, unknown>;
  [extra: string]: unknown;
};

/** The user fields other documents embed (`u` of rooms, subscriptions and messages). */
export interface IUserRef {
  _id: string;
  username: string;
  name?: string;
}
