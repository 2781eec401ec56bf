import Foundation

/// Reads report outputs back with tools independent of the code that wrote them: Python's csv
/// module for CSV, and Python's zlib for a PNG's pixels.
public enum ReportFiles {
    /// Every row of a CSV file as Python's csv module reads it (a BOM dropped, CRLF kept apart).
    public static func csvRows(_ path: String) throws -> [[String]] {
        let script = "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))"
        let result = try Command.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else { throw CommandFailure(result: result) }
        return try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
    }

    /// A PNG's size and the share of its pixels that are not white, from its IHDR and IDAT
    /// chunks (8-bit RGB or RGBA, each row's filter undone).
    public static func pngPixels(_ path: String) throws -> (width: Int, height: Int, inked: Double) {
        let script = #"""
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
            pos, idat = 8, b''
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR':
                    width, height, depth, colour = struct.unpack('>IIBB', body[:10])
                elif kind == b'IDAT':
                    idat += body
                pos += 12 + length
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
            raw, stride = zlib.decompress(idat), width * bpp
            previous, inked, at = bytearray(stride), 0, 0
            for _ in range(height):
                kind, row = raw[at], bytearray(raw[at + 1:at + 1 + stride])
                at += 1 + stride
                for i in range(stride):
                    a = row[i - bpp] if i >= bpp else 0
                    b = previous[i]
                    c = previous[i - bpp] if i >= bpp else 0
                    if kind == 1: row[i] = (row[i] + a) & 255
                    elif kind == 2: row[i] = (row[i] + b) & 255
                    elif kind == 3: row[i] = (row[i] + (a + b) // 2) & 255
                    elif kind == 4:
                        p = a + b - c
                        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                inked += sum(1 for x in range(0, stride, bpp) if min(row[x:x + 3]) < 200)
                previous = row
            print(width, height, inked / (width * height))
            """#
        let result = try Command.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else { throw CommandFailure(result: result) }
        let parts = result.stdout.split(whereSeparator: \.isWhitespace)
        return (Int(parts[0])!, Int(parts[1])!, Double(parts[2])!)
    }

    /// Every amount with pence in a text (`£1,234.56`, `-£5.00`), in order.
    public static func amounts(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"-?£[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }
}
