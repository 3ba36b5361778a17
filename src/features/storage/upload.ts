/** Streams a File into a volume with XMLHttpRequest (the one browser API that reports upload progress). */
import { ApiError } from '../../lib/api';
import { reportUnauthenticated } from '../../lib/unauthenticated';

export interface UploadHandle {
  done: Promise<void>;
  cancel: () => void;
}

export function uploadFile(url: string, file: Blob, onProgress: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve();
        return;
      }
      let code = `HTTP_${xhr.status}`;
      let message = xhr.statusText || `Upload failed with status ${xhr.status}`;
      try {
        const body = JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } };
        code = body.error?.code ?? code;
        message = body.error?.message ?? message;
      } catch {
        // not JSON
      }
      if (xhr.status === 401) reportUnauthenticated();
      reject(new ApiError(xhr.status, code, message));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload was interrupted (network error)'));
    xhr.onabort = () => reject(new ApiError(0, 'CANCELLED', 'The upload was cancelled'));
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}

/** A volume name made from a file name: characters libvirt names cannot hold become "_". */
export function volumeNameFromFile(fileName: string): string {
  const cleaned = fileName.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/\.{2,}/g, '.').replace(/^[.-]+/, '');
  return cleaned.slice(0, 128) || 'upload.img';
}

/** qcow2 files start with "QFI\xfb". */
export async function detectFormat(file: Blob): Promise<'qcow2' | 'raw'> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x51 && head[1] === 0x46 && head[2] === 0x49 && head[3] === 0xfb ? 'qcow2' : 'raw';
}
