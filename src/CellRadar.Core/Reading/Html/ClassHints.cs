using System.Collections.Frozen;
using AngleSharp.Dom;

namespace CellRadar.Core.Reading.Html;

/// <summary>
/// What an element's class and id say about it. Both are split into words ("article-body__text",
/// "relatedStories" give article, body, text and related, stories) so short hints such as "ad" or "nav"
/// match whole words only and never the inside of "header" or "canvas".
/// </summary>
internal static class ClassHints
{
    /// <summary>Words that mark the article itself.</summary>
    private static readonly FrozenSet<string> PositiveWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "article", "articles", "body", "content", "contents", "entry", "hentry", "main", "post", "story", "text", "blog",
        "blogpost", "articlebody", "storybody", "postbody", "entrycontent", "maincontent", "prose", "richtext",
    ]);

    /// <summary>Words that mark page furniture around the article.</summary>
    private static readonly FrozenSet<string> NegativeWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt", "banner",
        "comment", "comments", "commenting", "disqus", "reply", "replies", "sidebar", "side", "rail", "aside", "footer",
        "foot", "related", "relatedposts", "share", "shares", "sharing", "sharebar", "social", "socials", "promo", "promos",
        "promotion", "promoted", "sponsor", "sponsored", "newsletter", "newsletters", "cookie", "cookies", "consent",
        "gdpr", "subscribe", "subscription", "subscriptions", "signup", "paywall", "nav", "navbar", "navigation", "menu",
        "widget", "widgets", "breadcrumb", "breadcrumbs", "masthead", "outbrain", "taboola", "recommended", "recommendations",
        "recommend", "trending", "popular", "mostread", "most", "tags", "tag", "tagged", "popup", "modal", "overlay", "toolbar",
        "pagination", "pager", "skip", "rss", "follow", "print", "login", "register", "author", "byline", "bio", "meta",
        "shoutbox", "skyscraper", "leaderboard", "teaser", "teasers", "carousel", "marketing", "partner", "partners",
        "affiliate", "widget", "community", "hidden", "hide", "jump", "more", "readmore", "also", "next", "prev", "previous",
        "newsfeed", "feed", "breaking", "alert", "ticker", "header", "topbar", "cta", "upsell", "donate", "contact",
        "copyright", "legal", "disclaimer", "caption", "credit", "credits", "dateline", "timestamp", "date", "video",
        "gallery", "slideshow", "thumbnail", "thumb", "icons", "icon", "button", "btn",
    ]);

    /// <summary>Word stems long enough to match inside compound words ("newsletterSignup", "commentlist").</summary>
    private static readonly string[] NegativeStems =
    [
        "comment", "sidebar", "newsletter", "related", "sharing", "social", "subscri", "cookie", "widget", "footer",
        "breadcrumb", "advert", "sponsor", "recommend", "outbrain", "taboola", "popup", "masthead", "trending", "promo",
    ];

    /// <summary>Words that mark page furniture so surely that the element is dropped before scoring (unless it holds the page).</summary>
    private static readonly FrozenSet<string> UnlikelyWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ad", "ads", "advert", "advertisement", "banner", "breadcrumb", "breadcrumbs", "comment", "comments", "disqus",
        "footer", "gdpr", "cookie", "consent", "masthead", "menu", "nav", "navbar", "navigation", "related", "replies",
        "rss", "share", "sharing", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "sponsored", "popup",
        "modal", "pagination", "pager", "newsletter", "subscribe", "signup", "outbrain", "taboola", "recommended",
        "trending", "mostread", "promo", "paywall", "leaderboard", "toolbar", "widget",
    ]);

    /// <summary>Words that keep an "unlikely" element in play because it may still be the article.</summary>
    private static readonly FrozenSet<string> MaybeWords = FrozenSet.Create(StringComparer.Ordinal,
        ["and", "article", "body", "column", "content", "main", "story", "entry", "post", "text", "articlebody"]);

    /// <summary>+25 for a class that names article text, -25 for one that names furniture, the same again for the id.</summary>
    public static int Weight(IElement e)
    {
        var weight = 0;
        var cls = e.GetAttribute("class");
        if (!string.IsNullOrEmpty(cls)) weight += Weight(cls);
        var id = e.Id;
        if (!string.IsNullOrEmpty(id)) weight += Weight(id);
        return weight;
    }

    /// <summary>True when the class or id marks furniture and nothing in them suggests the article.</summary>
    public static bool IsUnlikely(IElement e)
    {
        var unlikely = false;
        var maybe = false;
        foreach (var value in (ReadOnlySpan<string?>)[e.GetAttribute("class"), e.Id, e.GetAttribute("role")])
        {
            if (string.IsNullOrEmpty(value)) continue;
            foreach (var w in Words(value))
            {
                if (UnlikelyWords.Contains(w)) unlikely = true;
                else if (MaybeWords.Contains(w) || EmbedWords.Contains(w)) maybe = true;
            }
        }
        return unlikely && !maybe;
    }

    /// <summary>True when the class or id says the element is furniture (used to prune inside the chosen article).</summary>
    public static bool IsNegative(IElement e) => Score(e.GetAttribute("class")).Negative || Score(e.Id).Negative;

    private static int Weight(string value)
    {
        var (pos, neg) = Score(value);
        return (pos ? 25 : 0) - (neg ? 25 : 0);
    }

    /// <summary>
    /// A furniture word wins over an article word in the same value: "post-author", "article-related" and
    /// "entry-share" are furniture named after the article they sit in. Embedded posts and media
    /// ("social-embed", "twitter-tweet") are quoted content, not furniture.
    /// </summary>
    private static (bool Positive, bool Negative) Score(string? value)
    {
        if (string.IsNullOrEmpty(value)) return (false, false);
        bool pos = false, neg = false, strong = false, embed = false;
        foreach (var w in Words(value))
        {
            if (PositiveWords.Contains(w)) pos = true;
            else if (StrongNegativeWords.Contains(w)) strong = true;
            else if (NegativeWords.Contains(w) || HasNegativeStem(w)) neg = true;
            else if (EmbedWords.Contains(w)) embed = true;
        }
        neg = strong || (neg && !embed);
        return (pos && !neg, neg);
    }

    /// <summary>Furniture words that an embed word does not excuse: an embedded image's caption is still a caption.</summary>
    private static readonly FrozenSet<string> StrongNegativeWords = FrozenSet.Create(StringComparer.Ordinal,
        ["caption", "credit", "credits", "ad", "ads", "advert", "advertisement", "sponsored", "promo", "newsletter", "related", "comments"]);

    /// <summary>True when the class or id names embedded quoted content (a tweet, a post), which link density must not condemn.</summary>
    public static bool IsEmbed(IElement e)
    {
        foreach (var value in (ReadOnlySpan<string?>)[e.GetAttribute("class"), e.Id])
        {
            if (string.IsNullOrEmpty(value)) continue;
            foreach (var w in Words(value))
                if (EmbedWords.Contains(w)) return !Score(value).Negative;
        }
        return false;
    }

    /// <summary>Words of embedded quoted content (a post, a tweet) that keep furniture words from condemning it.</summary>
    private static readonly FrozenSet<string> EmbedWords = FrozenSet.Create(StringComparer.Ordinal, ["embed", "embedded", "tweet", "quote", "blockquote"]);

    private static bool HasNegativeStem(string word)
    {
        if (word.Length < 5) return false;
        foreach (var stem in NegativeStems)
            if (word.Contains(stem, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Lower-case words of a class or id: split at anything not a letter or digit and at camelCase humps.</summary>
    public static List<string> Words(string value)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : ' ';
            var alnum = char.IsAsciiLetterOrDigit(c);
            var hump = alnum && start >= 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(value[i - 1]);
            if (start >= 0 && (!alnum || hump))
            {
                words.Add(value[start..i].ToLowerInvariant());
                start = -1;
            }
            if (alnum && start < 0) start = i;
        }
        return words;
    }
}
