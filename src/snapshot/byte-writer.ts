/** A growable byte buffer. */
export class ByteWriter {
  bytes = Buffer.allocUnsafe(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  /** Unsigned LEB128 (up to 2^53). */
  varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }

  float(value: number): void {
    this.reserve(8);
    this.bytes.writeDoubleLE(value, this.length);
    this.length += 8;
  }

  raw(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  utf8(text: string): number {
    this.reserve(text.length * 3);
    const written = this.bytes.write(text, this.length, 'utf8');
    this.length += written;
    return written;
  }

  latin1(text: string): number {
    this.reserve(text.length);
    const written = this.bytes.write(text, this.length, 'latin1');
    this.length += written;
    return written;
  }

  result(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}
