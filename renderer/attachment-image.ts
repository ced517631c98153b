// An attachment's bytes as a blob: URL (for thumbnails and "save to disk"), shared by the
// household's 档案资料 tab and the workflow steps' photos.
import { useEffect, useState } from 'react';
import type { AttachmentView } from '../shared/api/index.ts';
import { api } from './api.ts';

export function blobUrl(mime: string, base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/** The image's blob: URL once loaded (null before, and for non-images); revoked on unmount. */
export function useAttachmentImage(a: AttachmentView): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!a.mime.startsWith('image/')) return undefined;
    let url: string | null = null;
    void api.attachments.content({ id: a.id }).then((c) => {
      url = blobUrl(c.mime, c.dataBase64);
      setSrc(url);
    });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [a.id, a.mime]);
  return src;
}
