#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text written to a file descriptor with write(2), all of it (retrying after EINTR). A
/// failure (a full disk, a file over its size limit, a closed pipe) comes back as its errno
/// instead of stopping the process, as `FileHandle.write(_:)` does.
public enum DescriptorOutput {
    /// Writes `text` to `descriptor`; the errno when it could not be written whole.
    @discardableResult
    public static func send(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
