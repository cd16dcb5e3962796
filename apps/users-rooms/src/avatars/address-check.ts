import { isIP } from 'node:net';

/**
 * Which addresses an avatar URL may be downloaded from. Everything that is not a public unicast address is
 * refused: loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT, unspecified, multicast,
 * broadcast, documentation, benchmarking and reserved ranges, for IPv4 and IPv6, including IPv4 addresses
 * embedded in IPv6 (mapped, compatible, NAT64, 6to4) and Teredo.
 */

type Cidr4 = [number, number];

/** [network as a 32-bit number, prefix length] */
const REFUSED_V4: Cidr4[] = (
  [
    ['0.0.0.0', 8], // "this network", unspecified
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local (cloud metadata services live here)
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.0.2.0', 24], // TEST-NET-1
    ['192.88.99.0', 24], // 6to4 relay anycast
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['198.51.100.0', 24], // TEST-NET-2
    ['203.0.113.0', 24], // TEST-NET-3
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ] as [string, number][]
).map(([net, len]) => [parseIPv4(net)!, len]);

/** [first hextets, prefix length in bits] */
const REFUSED_V6: [number[], number][] = [
  [[0, 0, 0, 0, 0, 0, 0, 0], 128], // unspecified
  [[0, 0, 0, 0, 0, 0, 0, 1], 128], // loopback
  [[0x64, 0xff9b, 1], 48], // local-use NAT64
  [[0x100], 64], // discard-only
  [[0x2001, 0], 32], // Teredo (embeds an obfuscated IPv4 address)
  [[0x2001, 0x2], 48], // benchmarking
  [[0x2001, 0x10], 28], // ORCHID
  [[0x2001, 0x20], 28], // ORCHIDv2
  [[0x2001, 0xdb8], 32], // documentation
  [[0xfc00], 7], // unique local
  [[0xfe80], 10], // link-local
  [[0xfec0], 10], // site-local (deprecated)
  [[0xff00], 8], // multicast
];

/** `a.b.c.d` → unsigned 32-bit number, or undefined when it is not a dotted quad. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let out = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      return undefined;
    }
    out = out * 256 + Number(part);
  }
  return out;
}

/** An IPv6 address (`::` shorthand, trailing dotted quad and `%zone` allowed) → its 8 hextets. */
export function parseIPv6(text: string): number[] | undefined {
  let s = text.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) {
    s = s.slice(1, -1);
  }
  const zone = s.indexOf('%');
  if (zone >= 0) {
    s = s.slice(0, zone);
  }
  const lastColon = s.lastIndexOf(':');
  if (lastColon >= 0 && s.slice(lastColon + 1).includes('.')) {
    // a trailing dotted quad stands for the last two hextets
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === undefined) {
      return undefined;
    }
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const parse = (part: string): number[] | undefined => {
    if (part === '') {
      return [];
    }
    const out: number[] = [];
    for (const h of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(h)) {
        return undefined;
      }
      out.push(parseInt(h, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !rest) {
    return undefined;
  }
  const given = head.length + rest.length;
  if (halves.length === 1) {
    return given === 8 ? head : undefined;
  }
  if (given > 7) {
    return undefined;
  }
  return [...head, ...new Array<number>(8 - given).fill(0), ...rest];
}

function inV4(addr: number, [net, len]: Cidr4): boolean {
  if (len === 0) {
    return true;
  }
  const mask = len === 32 ? 0xffffffff : (0xffffffff << (32 - len)) >>> 0;
  return (addr & mask) >>> 0 === (net & mask) >>> 0;
}

function inV6(addr: number[], [prefix, len]: [number[], number]): boolean {
  let bits = len;
  for (let i = 0; i < 8 && bits > 0; i++) {
    const take = Math.min(16, bits);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((addr[i] & mask) !== ((prefix[i] ?? 0) & mask)) {
      return false;
    }
    bits -= take;
  }
  return true;
}

function isPublicV4(addr: number): boolean {
  return !REFUSED_V4.some((cidr) => inV4(addr, cidr));
}

/** The IPv4 address an IPv6 address carries, for the forms that route to it. */
function embeddedV4(h: number[]): number | undefined {
  const v4 = (hi: number, lo: number) => ((hi << 16) >>> 0) + lo;
  const zeros = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && h[5] === 0xffff) {
    return v4(h[6], h[7]); // ::ffff:a.b.c.d (mapped)
  }
  if (zeros(0, 4) && h[4] === 0xffff && h[5] === 0) {
    return v4(h[6], h[7]); // ::ffff:0:a.b.c.d (translated)
  }
  if (zeros(0, 6)) {
    return v4(h[6], h[7]); // ::a.b.c.d (compatible, deprecated)
  }
  if (h[0] === 0x64 && h[1] === 0xff9b && zeros(2, 6)) {
    return v4(h[6], h[7]); // 64:ff9b::a.b.c.d (NAT64)
  }
  if (h[0] === 0x2002) {
    return v4(h[1], h[2]); // 2002:aabb:ccdd::/48 (6to4)
  }
  return undefined;
}

/** true for a public unicast IPv4 or IPv6 address; false for anything else, including text that is no address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare.split('%')[0]);
  if (family === 4) {
    return isPublicV4(parseIPv4(bare)!);
  }
  if (family !== 6) {
    return false;
  }
  const h = parseIPv6(bare);
  if (!h) {
    return false;
  }
  if (REFUSED_V6.some((cidr) => inV6(h, cidr))) {
    return false;
  }
  const v4 = embeddedV4(h);
  return v4 === undefined || isPublicV4(v4);
}
