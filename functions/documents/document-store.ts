import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where uploaded documents (threshold PDFs) live: a folder under .data locally, S3 in AWS. */
export interface DocumentStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Local mode: files named by key under `<dataDir>/documents`. Keys are content hashes. */
export class DiskDocumentStore implements DocumentStore {
  private readonly dir: string;
  constructor(dataDir: string) {
    this.dir = resolve(dataDir, 'documents');
  }
  private path(key: string) {
    if (!/^[a-z0-9/-]+\.[a-z]+$/.test(key) || key.includes('..')) throw new Error('bad document key');
    return join(this.dir, key);
  }
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const p = this.path(key);
    await mkdir(resolve(p, '..'), { recursive: true });
    await writeFile(p, bytes);
  }
  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.path(key));
    } catch {
      return null;
    }
  }
}

/** AWS: the documents bucket (encrypted, versioned, private; created by the stateful stack). */
export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly bucket: string,
    private readonly region: string,
  ) {}
  private async client() {
    const { S3Client } = await import('@aws-sdk/client-s3');
    return new S3Client({ region: this.region });
  }
  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await (await this.client()).send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType, ChecksumAlgorithm: 'SHA256' }));
  }
  async get(key: string): Promise<Uint8Array | null> {
    const { GetObjectCommand, NoSuchKey } = await import('@aws-sdk/client-s3');
    try {
      const res = await (await this.client()).send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return res.Body ? await res.Body.transformToByteArray() : null;
    } catch (err) {
      if (err instanceof NoSuchKey) return null;
      throw err;
    }
  }
}
