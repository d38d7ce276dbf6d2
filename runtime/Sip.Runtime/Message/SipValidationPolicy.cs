using System.Collections.Immutable;

namespace Sip.Runtime.Message;

/// <summary>What an element supports, for the checks of <see cref="SipMessageValidator"/> that depend on it (501, 416, 420).</summary>
public sealed class SipValidationPolicy
{
    /// <summary>The RFC 3261 methods, sip/sips/tel URIs, no option-tags, Max-Forwards not required.</summary>
    public static SipValidationPolicy Default { get; } = new();

    /// <summary>Methods a user agent implements (compared case-sensitively, RFC 3261 §7.1); any other gets 501 (§8.2.1).</summary>
    public ImmutableArray<string> Methods { get; init; } = ["INVITE", "ACK", "OPTIONS", "BYE", "CANCEL", "REGISTER"];

    /// <summary>Request-URI schemes the element handles (case-insensitive, RFC 3986 §3.1); any other gets 416 (RFC 3261 §8.2.2.1, §16.3).</summary>
    public ImmutableArray<string> UriSchemes { get; init; } = ["sip", "sips", "tel"];

    /// <summary>
    /// Option-tags the element supports (case-insensitive: RFC 3261 §7.3.1 makes field values case-insensitive unless
    /// a header says otherwise, and §19.2 does not). Require (UAS) or Proxy-Require (proxy) naming another gets 420.
    /// </summary>
    public ImmutableArray<string> OptionTags { get; init; } = [];

    /// <summary>
    /// Whether a request without Max-Forwards is refused with 400. RFC 3261 §8.1.1 makes Max-Forwards mandatory for a
    /// UAC, but §16.6 step 3 tells a proxy to add one when it is missing, RFC 4475 §3.4.1 (inv2543.dat) asks elements to
    /// accept RFC 2543 requests without one, and the RFC 3665 call flows contain two such requests that their corpus
    /// verdict accepts. Default false: tolerated.
    /// </summary>
    public bool RequireMaxForwards { get; init; }
}
