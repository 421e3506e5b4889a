/// Text attributes a cell can carry, as a set.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    /// The attribute bits.
    public let rawValue: UInt8
    /// Creates a set from its raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Heavier text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Fainter text.
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Slanted text.
    public static let italic = TextAttributes(rawValue: 1 << 2)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 3)
    /// Swapped foreground and background.
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// The look of a cell: foreground and background colors plus attributes.
///
/// A `nil` color means "unset": it is drawn as the terminal default and, when
/// patching, leaves the underlying color alone. An explicit ``Color/default``
/// instead overrides the underlying color with the terminal default.
public struct Style: Sendable, Hashable {
    /// Foreground color; `nil` = unset.
    public var fg: Color?
    /// Background color; `nil` = unset.
    public var bg: Color?
    /// Bold, dim, italic, underline and reverse flags.
    public var attributes: TextAttributes

    /// No colors, no attributes.
    public static let plain = Style()

    /// Creates a style; every part defaults to unset/off.
    public init(
        fg: Color? = nil, bg: Color? = nil,
        bold: Bool = false, dim: Bool = false, italic: Bool = false,
        underline: Bool = false, reverse: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        var attrs: TextAttributes = []
        if bold { attrs.insert(.bold) }
        if dim { attrs.insert(.dim) }
        if italic { attrs.insert(.italic) }
        if underline { attrs.insert(.underline) }
        if reverse { attrs.insert(.reverse) }
        self.attributes = attrs
    }

    /// Creates a style from colors and an attribute set.
    public init(fg: Color?, bg: Color?, attributes: TextAttributes) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    /// Whether the bold attribute is set.
    public var bold: Bool {
        get { attributes.contains(.bold) }
        set { set(.bold, newValue) }
    }
    /// Whether the dim attribute is set.
    public var dim: Bool {
        get { attributes.contains(.dim) }
        set { set(.dim, newValue) }
    }
    /// Whether the italic attribute is set.
    public var italic: Bool {
        get { attributes.contains(.italic) }
        set { set(.italic, newValue) }
    }
    /// Whether the underline attribute is set.
    public var underline: Bool {
        get { attributes.contains(.underline) }
        set { set(.underline, newValue) }
    }
    /// Whether the reverse-video attribute is set.
    public var reverse: Bool {
        get { attributes.contains(.reverse) }
        set { set(.reverse, newValue) }
    }

    /// Returns this style overlaid with `patch`: the patch's set colors win and
    /// its attributes are added to these.
    public func patched(with patch: Style) -> Style {
        Style(fg: patch.fg ?? fg, bg: patch.bg ?? bg, attributes: attributes.union(patch.attributes))
    }

    /// Returns a copy with the foreground color replaced.
    public func foreground(_ color: Color?) -> Style {
        var copy = self
        copy.fg = color
        return copy
    }

    /// Returns a copy with the background color replaced.
    public func background(_ color: Color?) -> Style {
        var copy = self
        copy.bg = color
        return copy
    }

    /// Returns a copy with `attributes` added.
    public func adding(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// Returns a copy with `attributes` removed.
    public func removing(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.subtract(attributes)
        return copy
    }

    private mutating func set(_ attribute: TextAttributes, _ on: Bool) {
        if on { attributes.insert(attribute) } else { attributes.remove(attribute) }
    }
}
