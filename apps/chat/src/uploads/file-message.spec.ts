import { extensionOf, fileMessageParts, formatOf, typeGroupOf, uploadPath } from './file-message';

const upload = (type: string, name = 'report 1.png', description?: string) => ({
  _id: 'f1',
  name,
  type,
  size: 42,
  typeGroup: typeGroupOf(type),
  ...(description !== undefined ? { description } : {}),
});

describe('fileMessageParts', () => {
  it('describes an image with image_url, image_type and image_size, linking the file route', () => {
    const sut = fileMessageParts(upload('image/png', 'report 1.png', 'the chart'));
    const url = '/file-upload/f1/report%201.png';
    expect(sut.file).toEqual({
      _id: 'f1',
      name: 'report 1.png',
      type: 'image/png',
      size: 42,
      format: '',
      typeGroup: 'image',
    });
    expect(sut.files).toEqual([sut.file]);
    expect(sut.attachments).toEqual([
      {
        title: 'report 1.png',
        type: 'file',
        description: 'the chart',
        title_link: url,
        title_link_download: true,
        image_url: url,
        image_type: 'image/png',
        image_size: 42,
        fileId: 'f1',
      },
    ]);
  });

  it('describes audio and video under their own keys', () => {
    expect(fileMessageParts(upload('audio/ogg', 'a.ogg')).attachments[0]).toMatchObject({
      audio_url: '/file-upload/f1/a.ogg',
      audio_type: 'audio/ogg',
      audio_size: 42,
    });
    const video = fileMessageParts(upload('video/mp4', 'v.mp4')).attachments[0];
    expect(video).toMatchObject({ video_url: '/file-upload/f1/v.mp4', video_type: 'video/mp4', video_size: 42 });
    expect(video).not.toHaveProperty('image_url');
  });

  it('gives any other file its format (the extension in upper case) and size, and no description when none', () => {
    const [attachment] = fileMessageParts(upload('text/plain', 'list.lst')).attachments;
    expect(attachment).toEqual({
      title: 'list.lst',
      type: 'file',
      title_link: '/file-upload/f1/list.lst',
      title_link_download: true,
      format: 'LST',
      size: 42,
      fileId: 'f1',
    });
  });
});

describe('file names', () => {
  it('encodes the name in the path', () => {
    expect(uploadPath('x', 'a b#?/é.txt')).toBe('/file-upload/x/a%20b%23%3F%2F%C3%A9.txt');
  });

  it('reads extensions and formats as Rocket.Chat does', () => {
    expect(extensionOf('Diagram.DrawIO')).toBe('drawio');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('trailing.')).toBe('');
    expect(formatOf('a.tar.gz')).toBe('GZ');
    expect(formatOf('README')).toBe('file');
  });

  it('groups types by their first part', () => {
    expect(typeGroupOf('image/png')).toBe('image');
    expect(typeGroupOf('application/octet-stream')).toBe('application');
  });
});
