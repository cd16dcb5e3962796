/** Rocket.Chat's IRole (`rocketchat_roles`). */
export interface IRole {
  _id: string;
  name: string;
  scope: 'Users' | 'Subscriptions';
  description: string;
  protected: boolean;
  mandatory2fa?: boolean;
  _updatedAt?: Date;
}

/** Rocket.Chat's IPermission (`rocketchat_permissions`). */
export interface IPermission {
  _id: string;
  roles: string[];
  _updatedAt?: Date;
  [extra: string]: unknown;
}
