// The bytes of a PDF as tagged-pdf.ts writes it: objects and streams in one pass, the cross-
// reference table from the offsets recorded on the way.

/** The file as it is written: text parts (latin1) and binary streams, with object offsets. */
export class Output {
  private readonly chunks: (string | Buffer)[] = [];
  private text = '';
  private length = 0;
  private readonly offsets: number[] = [];

  private write(s: string): void {
    this.text += s;
    this.length += s.length;
  }

  private flushText(): void {
    if (this.text) {
      this.chunks.push(this.text);
      this.text = '';
    }
  }

  header(): void {
    this.write('%PDF-1.7\n%\xff\xff\xff\xff\n');
  }

  obj(ref: number, body: string): void {
    this.offsets[ref] = this.length;
    this.write(`${ref} 0 obj\n${body}\nendobj\n`);
  }

  stream(ref: number, dict: string, data: Buffer): void {
    this.offsets[ref] = this.length;
    this.write(`${ref} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`);
    this.flushText();
    this.chunks.push(data);
    this.length += data.length;
    this.write('\nendstream\nendobj\n');
  }

  end(size: number, trailer: string): Uint8Array {
    const start = this.length;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let i = 1; i < size; i++) xref += `${String(this.offsets[i] ?? 0).padStart(10, '0')} 00000 n \n`;
    this.write(`${xref}trailer\n<< /Size ${size} ${trailer} >>\nstartxref\n${start}\n%%EOF\n`);
    this.flushText();
    // One array the caller owns outright (not a slice of Buffer's shared pool).
    const bytes = new Uint8Array(this.length);
    const view = Buffer.from(bytes.buffer, 0, bytes.byteLength);
    let at = 0;
    for (const c of this.chunks) {
      if (typeof c === 'string') at += view.write(c, at, 'latin1');
      else {
        bytes.set(c, at);
        at += c.length;
      }
    }
    return bytes;
  }
}
