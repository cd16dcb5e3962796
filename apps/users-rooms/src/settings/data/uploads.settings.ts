import { bool, group, int, password, PUBLIC, section, select, str } from './setting-types';

const storageTypes = [
  ['GridFS', 'GridFS'],
  ['FileSystem', 'FileSystem'],
] as const;

/** File uploads (message files, and the size limit avatars follow too), custom emoji and sounds, data exports. */
export const FILE_UPLOAD_SETTINGS = group('FileUpload', [
  bool('FileUpload_Enabled', true, PUBLIC),
  // largest upload in bytes (-1 = no limit); avatars are capped at 5 MB in any case (AVATAR_MAX_BYTES)
  int('FileUpload_MaxFileSize', 104857600, PUBLIC),
  str('FileUpload_MediaTypeWhiteList', '', PUBLIC),
  str('FileUpload_MediaTypeBlackList', 'image/svg+xml', PUBLIC),
  bool('FileUpload_ProtectFiles', true, PUBLIC),
  bool('FileUpload_Restrict_to_room_members', true),
  bool('FileUpload_Restrict_to_users_who_can_access_room', false),
  bool('FileUpload_RotateImages', true, PUBLIC),
  bool('FileUpload_Enable_json_web_token_for_files', true),
  str('FileUpload_json_web_token_secret_for_files', ''),
  select(
    'FileUpload_Storage_Type',
    'GridFS',
    [
      ['GridFS', 'GridFS'],
      ['AmazonS3', 'AmazonS3'],
      ['GoogleCloudStorage', 'GoogleCloudStorage'],
      ['Webdav', 'WebDAV'],
      ['FileSystem', 'FileSystem'],
    ],
    PUBLIC,
  ),
  section('Amazon S3', [
    str('FileUpload_S3_Bucket', ''),
    str('FileUpload_S3_Acl', ''),
    password('FileUpload_S3_AWSAccessKeyId'),
    password('FileUpload_S3_AWSSecretAccessKey'),
    str('FileUpload_S3_CDN', ''),
    str('FileUpload_S3_Region', ''),
    str('FileUpload_S3_BucketURL', '', { secret: true }),
    bool('FileUpload_S3_ForcePathStyle', false),
    int('FileUpload_S3_URLExpiryTimeSpan', 120),
    bool('FileUpload_S3_Proxy_Avatars', false),
    bool('FileUpload_S3_Proxy_Uploads', false),
    bool('FileUpload_S3_Proxy_UserDataFiles', false),
  ]),
  section('Google Cloud Storage', [
    str('FileUpload_GoogleStorage_Bucket', '', { secret: true }),
    str('FileUpload_GoogleStorage_AccessId', '', { secret: true }),
    str('FileUpload_GoogleStorage_Secret', '', { secret: true, multiline: true }),
    str('FileUpload_GoogleStorage_ProjectId', '', { secret: true }),
    bool('FileUpload_GoogleStorage_Proxy_Avatars', false),
    bool('FileUpload_GoogleStorage_Proxy_Uploads', false),
    bool('FileUpload_GoogleStorage_Proxy_UserDataFiles', false),
  ]),
  section('File System', [str('FileUpload_FileSystemPath', '')]),
  section('WebDAV', [
    str('FileUpload_Webdav_Upload_Folder_Path', ''),
    str('FileUpload_Webdav_Server_URL', ''),
    str('FileUpload_Webdav_Username', '', { secret: true }),
    password('FileUpload_Webdav_Password'),
    bool('FileUpload_Webdav_Proxy_Avatars', false),
    bool('FileUpload_Webdav_Proxy_Uploads', false),
    bool('FileUpload_Webdav_Proxy_UserDataFiles', false),
  ]),
  bool('FileUpload_Enabled_Direct', true, PUBLIC),
]);

export const EMOJI_STORAGE_SETTINGS = group('EmojiCustomFilesystem', [
  select('EmojiUpload_Storage_Type', 'GridFS', storageTypes, { i18nLabel: 'FileUpload_Storage_Type' }),
  str('EmojiUpload_FileSystemPath', '', { i18nLabel: 'FileUpload_FileSystemPath' }),
]);

export const SOUNDS_STORAGE_SETTINGS = group('CustomSoundsFilesystem', [
  select('CustomSounds_Storage_Type', 'GridFS', storageTypes, { i18nLabel: 'FileUpload_Storage_Type' }),
  str('CustomSounds_FileSystemPath', '', { i18nLabel: 'FileUpload_FileSystemPath' }),
]);

/** users.requestDataDownload */
export const USER_DATA_DOWNLOAD_SETTINGS = group('UserDataDownload', [
  bool('UserData_EnableDownload', true, PUBLIC),
  str('UserData_FileSystemPath', '', PUBLIC),
  str('UserData_FileSystemZipPath', '', PUBLIC),
  int('UserData_ProcessingFrequency', 2, PUBLIC),
  int('UserData_MessageLimitPerRequest', 1000, PUBLIC),
]);
