import Testing

@testable import PayChaseMail

/// `%41`, `+2B` and `=3D` are one escape with three markers, read by one helper.
struct HexEscapeTests {
    @Test func eachMarkerDecodesItsOwnEscapesAndLeavesTheRest() {
        #expect(DeliveryStatusReport.xtextDecoded("a+2Bb+3Dc@example+") == "a+b=c@example+")
        #expect(ContentType(parsing: "text/plain; name*=utf-8''%C2%A3%2.txt").parameters["name"] == "£%2.txt")
        let q = HexEscapes.decode(Array("Caf=C3=A9_au=ZZlait=".utf8)[...], marker: UInt8(ascii: "="), underscoreIsSpace: true)
        #expect(String(decoding: q, as: UTF8.self) == "Café au=ZZlait=")
    }
}
