using System.Buffers;
using System.Collections.Frozen;

namespace CellRadar.Core.Cleaning;

/// <summary>
/// The words and phrases of page furniture, as general as possible (what sites print around articles,
/// not what one site printed). Whole-line sets are looked up by span; phrase sets are searched with
/// <see cref="PhraseSet"/> (vectorised <see cref="SearchValues{T}"/>) so each line is scanned once per set.
/// </summary>
internal static class FurnitureVocabulary
{
    /// <summary>Lines that are nothing but a button, a menu entry, a section label or a sharing control.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UiLines = Lookup(
        "show", "hide", "close", "open", "menu", "search", "share", "share via", "share this", "share this article", "share this story",
        "share on facebook", "share on twitter", "share on linkedin", "share on x", "tweet", "print", "print this", "email", "e-mail",
        "comments", "comment", "leave a comment", "reply", "like", "follow", "follow us", "log in", "login", "log-in", "sign in", "sign up",
        "sign out", "register", "subscribe", "subscribe now", "back to log-in", "back to login", "forgot your password?",
        "forgot password?", "lost your password?", "remember me", "advertisement", "advertising", "advert", "sponsored", "sponsored content",
        "promoted", "promoted content", "partner content", "paid content", "news", "home", "features", "feature", "analysis", "opinion",
        "press release", "press releases", "blog", "stay connected", "stay in touch", "continue reading", "load more", "view more",
        "see more", "show more", "next", "previous", "next article", "previous article", "back to top", "facebook", "twitter", "linkedin",
        "whatsapp", "x", "reddit", "copy link", "link copied", "skip to content", "skip to main content", "accept", "accept all",
        "reject all", "manage preferences", "cookie settings", "shares", "views", "listen", "listen to this article", "save", "bookmark",
        "download pdf", "newsletter", "newsletters", "tags", "topics", "categories", "share article", "contact us", "privacy policy",
        "terms of use", "terms and conditions", "cookie policy", "about us", "subscribe to newsletter", "editor's pick", "editors' picks");

    /// <summary>Headings of lists of other stories; the lines under them are headlines, not the article.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ListHeadings = Lookup(
        "related", "related stories", "related articles", "related news", "related content", "related posts", "related reading",
        "most read", "most popular", "most viewed", "popular", "popular stories", "trending", "trending now", "recommended",
        "recommended for you", "recommended stories", "recommended articles", "recommended reading", "you may also like",
        "you might also like", "more from", "more stories", "more news", "more like this", "read next", "read more", "also read",
        "see also", "further reading", "latest", "latest stories", "latest news", "latest articles", "in other news", "top stories");

    /// <summary>Headings of an author biography.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BioHeadings = Lookup(
        "author bio", "author biography", "about the author", "about the authors", "author", "authors", "author profile",
        "about the writer", "about the contributor");

    /// <summary>Phrases that make a short line certainly furniture: newsletter boxes, log-in chrome, sharing, cookies, footers, sponsors.</summary>
    public static readonly PhraseSet StrongPhrases = new(
        [
            // newsletter boxes
            "sign up to our", "sign up for our", "subscribe to our", "our newsletter", "our free newsletter", "your inbox",
            "get the latest news", "stay up to date with", "join our mailing list", "stay connected",
            // log-in chrome
            "your password", "create an account", "create a free account", "already have an account", "don't have an account",
            "don’t have an account", "enter your email", "your email address", "remember me", "log in to continue", "sign in to continue",
            // sharing and counters
            "share via", "share this article", "share on facebook", "share on twitter", "share on linkedin", "follow us on",
            "click to share", "email this", "print this",
            // cookies and footers
            "this site uses cookies", "this website uses cookies", "we use cookies", "accept cookies", "accept all cookies",
            "cookie policy", "cookie settings", "all rights reserved", "privacy policy", "terms of use", "terms and conditions",
            // sponsor and editorial-independence lines
            "editorial content is independently produced", "topic sponsors are not involved", "this content is sponsored",
            "sponsored content", "paid content", "partner content", "in partnership with", "brought to you by",
            // pointers to elsewhere
            "get more insights", "read the full article", "read the full story", "click here to", "continue reading",
            "originally published", "this article was originally",
        ]);

    /// <summary>Phrases that open a promotion block (webinar boxes, event ads). Only counted on lines that are not prose.</summary>
    public static readonly PhraseSet BlockStartPhrases = new(
        [
            "reserve your free place", "reserve your place", "reserve your seat", "virtual panel discussion", "panel discussion",
            "free webinar", "live webinar", "on-demand webinar", "join this webinar", "join our webinar", "webinar", "key learning points",
            "what you will learn", "what you'll learn", "register your interest", "free virtual event", "virtual event",
        ]);

    /// <summary>Phrases that close a promotion block: the call to action.</summary>
    public static readonly PhraseSet BlockEndPhrases = new(
        [
            "register for free", "register now", "register here", "register today", "book your place", "book now", "save your seat",
            "secure your place", "secure your seat", "sign up now", "download now", "download the report", "download the whitepaper",
            "claim your", "watch now", "watch on demand", "request a demo", "find out more", "learn more",
        ]);

    /// <summary>Words of advertising copy; each adds a little to a line's furniture score.</summary>
    public static readonly PhraseSet MarketingPhrases = new(
        [
            "b2b", "marketing that", "marketing solutions", "webinar", "whitepaper", "white paper", "e-book", "ebook", "free trial",
            "request a demo", "insights", "expert analysis", "real-time data", "actionable", "media platforms", "engaged professionals",
            "decision-makers", "decision makers", "business intelligence", "market intelligence", "sign up", "subscribe", "register",
            "for free", "free place", "exclusive offer", "limited time", "don't miss", "don’t miss", "learn from experts",
            "industry experts", "thought leaders", "download", "off guard", "stay ahead", "stay proactive", "stay informed",
        ]);

    /// <summary>Verbs that open advertising copy in the imperative ("Discover...", "Don't miss..."); news prose rarely starts so.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ImperativeOpeners = Lookup(
        "discover", "combine", "download", "register", "reserve", "join", "subscribe", "book", "unlock", "explore", "boost", "grow",
        "reach", "stay", "don't", "don’t", "click", "watch", "listen", "request", "claim", "grab", "get", "find", "learn", "sign",
        "achieve", "transform", "empower", "elevate", "maximise", "maximize", "optimise", "optimize", "enhance", "gain", "secure",
        "save", "try", "start", "meet");

    /// <summary>Words that stay lower case in a title ("Taking The Lead In Car-T" aside), for the title-case test.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SmallWords = Lookup(
        "a", "an", "the", "of", "in", "for", "and", "or", "to", "on", "with", "at", "by", "from", "as", "vs", "via", "&");

    /// <summary>Phrases that are sometimes glued to article text by scrapers ("AdvertisementThe FDA ...").</summary>
    public static readonly string[] GlueProne =
    [
        "Advertisement", "Sponsored", "Share via", "Share this article", "Read more", "Continue reading", "Register for FREE",
        "Register now", "Skip to content",
    ];

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] entries) =>
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, entries).GetAlternateLookup<ReadOnlySpan<char>>();
}
