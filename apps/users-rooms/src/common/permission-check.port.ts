/**
 * The permission check lower contexts need (the settings API) and the authorization context provides
 * (`AuthorizationService`): declared here so the settings context, which authorization itself reads, does not
 * depend on it.
 */
export abstract class PermissionCheck {
  /** True if any of the roles holds the permission. */
  abstract hasPermission(roles: readonly string[], permission: string): Promise<boolean>;
}
