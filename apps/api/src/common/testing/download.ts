/** supertest parser keeping a download as bytes: `.buffer(true).parse(binary)`. */
export function binary(res: { on(event: string, listener: (chunk: Buffer) => void): unknown }, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
