@testable import RunscopeCore
import Testing

/// ValueAccumulator grows messages in place; copies must not share that storage.
@Suite struct ValueAccumulatorTests {
    @Test func copiesOfAnAccumulatorKeepTheirOwnMessage() {
        var first = ValueAccumulator()
        first.add(.message(.ai("Hel")))
        var second = first
        second.add(.message(.ai("lo")))
        first.add(.message(.ai("p")))
        #expect(first.value?.messageValue?.content == "Help")
        #expect(second.value?.messageValue?.content == "Hello")
    }

    @Test func aLoneAccumulatorStillGrowsItsMessage() {
        var total = ValueAccumulator()
        for part in ["a", "b", "c"] { total.add(.message(.ai(part))) }
        #expect(total.value?.messageValue?.content == "abc")
    }
}
