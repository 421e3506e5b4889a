import Foundation
@testable import RunscopeProviders
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    static func headers(_ values: [String: String]) -> (String) -> String? { { values[$0] } }

    @Test func retryableStatuses() {
        for status in [408, 409, 429, 500, 502, 503, 529] {
            #expect(RetryPolicy.isRetryable(status: status, header: Self.headers([:])))
        }
        for status in [400, 401, 403, 404, 413, 422] {
            #expect(!RetryPolicy.isRetryable(status: status, header: Self.headers([:])))
        }
        #expect(!RetryPolicy.isRetryable(status: 503, header: Self.headers(["x-should-retry": "false"])))
        #expect(RetryPolicy.isRetryable(status: 400, header: Self.headers(["x-should-retry": "true"])))
    }

    @Test func retryAfterForms() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryPolicy.retryAfter(header: Self.headers(["retry-after-ms": "250"])) == 0.25)
        #expect(RetryPolicy.retryAfter(header: Self.headers(["retry-after": "3"])) == 3)
        let date = RetryPolicy.retryAfter(header: Self.headers(["retry-after": "Sun, 06 Nov 1994 08:49:39 GMT"]), now: now)
        #expect(date == 2)
        #expect(RetryPolicy.retryAfter(header: Self.headers(["retry-after": "soon"])) == nil)
        #expect(RetryPolicy.retryAfter(header: Self.headers([:])) == nil)
    }

    @Test func backoffDoublesUpToEightSecondsWithJitter() {
        #expect(RetryPolicy.delay(retryIndex: 0, retryAfter: nil, random: 0) == 0.5)
        #expect(RetryPolicy.delay(retryIndex: 1, retryAfter: nil, random: 0) == 1)
        #expect(RetryPolicy.delay(retryIndex: 10, retryAfter: nil, random: 0) == 8)
        #expect(RetryPolicy.delay(retryIndex: 0, retryAfter: nil, random: 1) == 0.375)
        #expect(RetryPolicy.delay(retryIndex: 0, retryAfter: 2, random: 0.5) == 2)
        #expect(RetryPolicy.delay(retryIndex: 0, retryAfter: 120, random: 0) == 0.5)  // beyond 60 s: ignored
    }
}
