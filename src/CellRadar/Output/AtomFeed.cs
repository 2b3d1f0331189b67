using System.Globalization;
using System.Xml;
using CellRadar.Storage;

namespace CellRadar.Output;

/// <summary>
/// Writes logged changes as an Atom 1.0 feed (RFC 4287) a feed reader can subscribe to. Every text goes through
/// <see cref="XmlWriter"/>, which escapes it; characters XML cannot hold are dropped rather than written.
/// </summary>
internal static class AtomFeed
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static void Write(TextWriter output, IEnumerable<FactChange> changes, DateTimeOffset generated, string feedId)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CheckCharacters = false };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", Ns);
        xml.WriteElementString("id", Ns, feedId);
        xml.WriteElementString("title", Ns, "CellRadar: what changed");
        xml.WriteElementString("updated", Ns, Stamp(generated));
        xml.WriteStartElement("author", Ns);
        xml.WriteElementString("name", Ns, "CellRadar");
        xml.WriteEndElement();
        xml.WriteStartElement("generator", Ns);
        xml.WriteString("cellradar");
        xml.WriteEndElement();
        foreach (var c in changes)
        {
            xml.WriteStartElement("entry", Ns);
            xml.WriteElementString("id", Ns, $"{feedId}:change:{c.Id.ToString(CultureInfo.InvariantCulture)}");
            xml.WriteElementString("title", Ns, Clean(ChangeText.Title(c)));
            xml.WriteElementString("updated", Ns, Stamp(c.At));
            xml.WriteStartElement("category", Ns);
            xml.WriteAttributeString("term", c.Change);
            xml.WriteEndElement();
            xml.WriteStartElement("content", Ns);
            xml.WriteAttributeString("type", "text");
            xml.WriteString(Clean($"{c.Detail} [{c.FactKey}]"));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Stamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot carry (control characters from article text).</summary>
    private static string Clean(string text) => string.Concat(text.Where(XmlConvert.IsXmlChar));
}
