/**
 * A compact binary encoding of plain data (null, undefined, booleans, numbers, strings, arrays, plain
 * objects and the typed arrays the graph's indexes use), made for decoding a large graph fast:
 *
 * - every distinct string is stored once, in a table, and decoded once: a talk's id recurs in its
 *   speakers', organizations', topics', event's and post's `talkIds`, and all of them share one string;
 * - every distinct list of object keys (a "shape") is stored once, and objects of a shape are made by
 *   one object literal compiled for it, so they get their final hidden class at once;
 * - typed arrays are raw little-endian bytes, copied into place (no per-element work).
 *
 * Layout: `strings` (count; each string's byte length × 2, + 1 when it is UTF-8; the Latin-1 strings'
 * bytes; the others' UTF-8 bytes), `shapes` (count, then each shape's key count and key string
 * numbers), then one value. Integers are LEB128 varints. The Latin-1 strings (nearly all of them) are
 * decoded as one string and sliced from it: V8 keeps a slice as a small reference to that one string
 * (held outside the collected heap when it is large), so the collector copies no text around.
 * The same value gives the same bytes: strings and shapes are numbered in the order they are first met.
 */

import { ByteWriter } from './byte-writer.ts';

const Tag = {
  Null: 0,
  Undefined: 1,
  False: 2,
  True: 3,
  Int: 4,
  Float: 5,
  String: 6,
  Array: 7,
  Object: 8,
  Int32Array: 9,
  Uint8Array: 10,
  Uint16Array: 11,
  Float64Array: 12,
} as const;

const TYPED = [
  [Tag.Int32Array, Int32Array],
  [Tag.Uint8Array, Uint8Array],
  [Tag.Uint16Array, Uint16Array],
  [Tag.Float64Array, Float64Array],
] as const;

type TypedArray = Int32Array | Uint8Array | Uint16Array | Float64Array;

const MAX_INT = 2 ** 52;

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** The encoding of `value` (see the module comment). Throws on values it cannot encode (functions, Maps, class instances …). */
export function encodeCompact(value: unknown): Buffer {
  const strings = new Map<string, number>();
  const shapes = new Map<string, number>();
  const shapeKeys: string[][] = [];
  const body = new ByteWriter();
  const stringId = (text: string): number => {
    let id = strings.get(text);
    if (id === undefined) strings.set(text, (id = strings.size));
    return id;
  };
  const write = (item: unknown): void => {
    if (item === null) body.byte(Tag.Null);
    else if (item === undefined) body.byte(Tag.Undefined);
    else if (item === false) body.byte(Tag.False);
    else if (item === true) body.byte(Tag.True);
    else if (typeof item === 'number') {
      if (Number.isInteger(item) && Math.abs(item) < MAX_INT && !Object.is(item, -0)) {
        body.byte(Tag.Int);
        body.varint(item < 0 ? -2 * item - 1 : 2 * item); // zigzag
      } else {
        body.byte(Tag.Float);
        body.float(item);
      }
    } else if (typeof item === 'string') {
      body.byte(Tag.String);
      body.varint(stringId(item));
    } else if (Array.isArray(item)) {
      body.byte(Tag.Array);
      body.varint(item.length);
      for (const element of item) write(element);
    } else if (ArrayBuffer.isView(item)) {
      const entry = TYPED.find(([, type]) => item.constructor === type);
      if (!entry) throw new TypeError(`cannot encode a ${item.constructor.name}`);
      body.byte(entry[0]);
      body.varint((item as TypedArray).length);
      body.raw(new Uint8Array(item.buffer, item.byteOffset, item.byteLength));
    } else if (typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      const keys = Object.keys(item);
      const signature = keys.join('\u0000');
      let shape = shapes.get(signature);
      if (shape === undefined) {
        shapes.set(signature, (shape = shapes.size));
        shapeKeys.push(keys);
        for (const key of keys) stringId(key);
      }
      body.byte(Tag.Object);
      body.varint(shape);
      for (const key of keys) write((item as Record<string, unknown>)[key]);
    } else {
      throw new TypeError(`cannot encode ${typeof item === 'object' ? item.constructor?.name : typeof item}`);
    }
  };
  write(value);
  const head = new ByteWriter();
  head.varint(strings.size);
  const latin1 = new ByteWriter();
  const utf8 = new ByteWriter();
  for (const text of strings.keys()) {
    if (isLatin1(text)) head.varint(latin1.latin1(text) * 2);
    else head.varint(utf8.utf8(text) * 2 + 1);
  }
  head.varint(latin1.length);
  head.raw(latin1.result());
  head.varint(utf8.length);
  head.raw(utf8.result());
  head.varint(shapeKeys.length);
  for (const keys of shapeKeys) {
    head.varint(keys.length);
    for (const key of keys) head.varint(strings.get(key)!);
  }
  return Buffer.concat([head.result(), body.result()]);
}

/** Reads what encodeCompact wrote; throws (a RangeError or TypeError) on bytes it did not write. */
export function decodeCompact(bytes: Buffer): unknown {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new RangeError('unexpected end of data');
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new RangeError('varint too long');
    }
  };
  const count = (limit: number, what: string): number => {
    const n = varint();
    if (n > limit) throw new RangeError(`${what} of ${n} exceeds the data`);
    return n;
  };

  const stringCount = count(bytes.length, 'a string table');
  const lengths = new Float64Array(stringCount);
  for (let i = 0; i < stringCount; i++) lengths[i] = varint();
  const latin1Bytes = varint();
  const latin1End = at + latin1Bytes;
  if (latin1End > bytes.length) throw new RangeError('unexpected end of data');
  const latin1 = bytes.toString('latin1', at, latin1End);
  at = latin1End;
  const utf8Bytes = varint();
  const utf8End = at + utf8Bytes;
  if (utf8End > bytes.length) throw new RangeError('unexpected end of data');
  let utf8At = at;
  const strings = new Array<string>(stringCount);
  let latin1At = 0;
  for (let i = 0; i < stringCount; i++) {
    const length = Math.floor(lengths[i]! / 2);
    if (lengths[i]! % 2 === 0) {
      if (latin1At + length > latin1.length) throw new RangeError('a string runs past its table');
      strings[i] = latin1.slice(latin1At, (latin1At += length));
    } else {
      if (utf8At + length > utf8End) throw new RangeError('a string runs past its table');
      strings[i] = bytes.toString('utf8', utf8At, (utf8At += length));
    }
  }
  at = utf8End;
  const string = (): string => {
    const id = varint();
    if (id >= stringCount) throw new RangeError(`no string ${id}`);
    return strings[id]!;
  };

  const shapeCount = count(bytes.length, 'a shape table');
  const makers = new Array<(read: () => unknown) => Record<string, unknown>>(shapeCount);
  for (let i = 0; i < shapeCount; i++) {
    const keys = Array.from({ length: count(bytes.length, 'a shape') }, string);
    makers[i] = objectMaker(keys);
  }

  const read = (): unknown => {
    if (at >= bytes.length) throw new RangeError('unexpected end of data');
    const tag = bytes[at++]!;
    switch (tag) {
      case Tag.Null:
        return null;
      case Tag.Undefined:
        return undefined;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int: {
        const zigzag = varint();
        return zigzag % 2 === 1 ? -(zigzag + 1) / 2 : zigzag / 2;
      }
      case Tag.Float: {
        if (at + 8 > bytes.length) throw new RangeError('unexpected end of data');
        const value = bytes.readDoubleLE(at);
        at += 8;
        return value;
      }
      case Tag.String:
        return string();
      case Tag.Array: {
        const length = count(bytes.length - at, 'an array');
        const array = new Array<unknown>(length);
        for (let i = 0; i < length; i++) array[i] = read();
        return array;
      }
      case Tag.Object: {
        const shape = varint();
        if (shape >= shapeCount) throw new RangeError(`no shape ${shape}`);
        return makers[shape]!(read);
      }
      default: {
        const type = TYPED.find(([t]) => t === tag)?.[1];
        if (!type) throw new TypeError(`unknown tag ${tag} at byte ${at - 1}`);
        const length = count(Math.floor((bytes.length - at) / type.BYTES_PER_ELEMENT), 'a typed array');
        const array = new type(length);
        const size = length * type.BYTES_PER_ELEMENT;
        new Uint8Array(array.buffer).set(bytes.subarray(at, at + size));
        at += size;
        return array;
      }
    }
  };
  const value = read();
  if (at !== bytes.length) throw new RangeError(`${bytes.length - at} bytes after the value`);
  return value;
}

/**
 * Makes objects of one shape with an object literal compiled for its keys (each key as a JSON string
 * literal, so no key can be code), whose values are read in key order. `__proto__` would set the
 * prototype in a literal, so a shape with that key is built property by property instead.
 */
function objectMaker(keys: readonly string[]): (read: () => unknown) => Record<string, unknown> {
  if (keys.includes('__proto__')) {
    return (read) => {
      const object: Record<string, unknown> = {};
      for (const key of keys) Object.defineProperty(object, key, { value: read(), enumerable: true, writable: true, configurable: true });
      return object;
    };
  }
  return new Function('read', `return { ${keys.map((key) => `${JSON.stringify(key)}: read()`).join(', ')} };`) as (
    read: () => unknown,
  ) => Record<string, unknown>;
}
