/**
 * Rocket.Chat's file upload rules (FileUpload_* settings), decided in the gateway while the bytes stream in, so
 * that a refused file leaves nothing in storage.
 */

/** The settings an upload reads, with Rocket.Chat's defaults. */
export const UPLOAD_SETTINGS = {
  FileUpload_Enabled: true,
  /** bytes; -1 = no limit */
  FileUpload_MaxFileSize: 104857600,
  /** comma-separated media types (`image/*` wildcards); empty or `*` = every type */
  FileUpload_MediaTypeWhiteList: '',
  /** comma-separated media types; wins over the white list */
  FileUpload_MediaTypeBlackList: 'image/svg+xml',
};

/** The largest file accepted, or undefined when there is no limit (`FileUpload_MaxFileSize` -1). */
export function maxUploadBytes(setting: number): number | undefined {
  return setting > -1 ? setting : undefined;
}

const listOf = (value: string): string[] | undefined => {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
};

/** `type` is on the list, itself or by its `<group>/*` wildcard. */
function onList(type: string, list: readonly string[]): boolean {
  if (list.includes(type)) {
    return true;
  }
  const slash = type.indexOf('/');
  return slash > 0 && list.includes(`${type.slice(0, slash)}/*`);
}

/**
 * Rocket.Chat's fileUploadIsValidContentType: a type on the black list is refused (a missing type too, when
 * there is a black list); otherwise every type is accepted unless a white list names it (or its wildcard).
 */
export function isAcceptedMediaType(type: string | undefined, whiteList: string, blackList: string): boolean {
  const blocked = listOf(blackList);
  const allowed = whiteList.trim() === '*' ? undefined : listOf(whiteList);
  if (!type) {
    return !blocked && !allowed;
  }
  if (blocked && onList(type, blocked)) {
    return false;
  }
  return !allowed || onList(type, allowed);
}
