@testable import RunscopeProviders
import Testing

/// `RUNSCOPE_CONNECT_TIMEOUT`: the longest wait for a connection, 10 s unless set.
struct ConnectTimeoutTests {
    @Test func tenSecondsUnlessAPositiveNumberOfSecondsIsGiven() {
        let variable = HTTPClientPool.connectTimeoutVariable
        #expect(HTTPClientPool.connectMilliseconds(from: [:]) == 10_000)
        #expect(HTTPClientPool.connectMilliseconds(from: [variable: "60"]) == 60_000)
        #expect(HTTPClientPool.connectMilliseconds(from: [variable: "0.25"]) == 250)
        for bad in ["", "0", "-3", "ten", "nan", "inf"] {
            #expect(HTTPClientPool.connectMilliseconds(from: [variable: bad]) == 10_000, "\(bad)")
        }
        #expect(HTTPClientPool.connectMilliseconds(from: [variable: "1e12"]) == 86_400_000, "at most a day")
    }
}
