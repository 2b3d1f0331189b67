using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Core.Reading.Html;

namespace CellRadar.Core.Tests.Reading.Html;

public sealed class HtmlDecoderTests
{
    static HtmlDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Page(string charsetMeta, string body) =>
        $"<!doctype html><html><head>{charsetMeta}<title>t</title></head><body><p>{body}</p></body></html>";

    private static string Decode(byte[] bytes, out string encoding)
    {
        var text = HtmlDecoder.Decode(bytes, "page.html", out encoding, out var error);
        Assert.Null(error);
        return text!;
    }

    [Fact]
    public void Meta_charset_declaration_is_followed()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes(Page("<meta charset=\"windows-1251\">", "Регулятор одобрил терапию"));

        var text = Decode(bytes, out var encoding);

        Assert.Contains("Регулятор одобрил терапию", text);
        Assert.Equal("windows-1251", encoding);
    }

    [Fact]
    public void Http_equiv_content_type_declaration_is_followed()
    {
        var bytes = Encoding.GetEncoding("iso-8859-2").GetBytes(
            Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">", "Urząd zatwierdził lek"));

        Assert.Contains("Urząd zatwierdził lek", Decode(bytes, out _));
    }

    [Fact]
    public void Byte_order_mark_wins_over_a_declaration()
    {
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var bytes = utf16.GetPreamble().Concat(utf16.GetBytes(Page("<meta charset=\"windows-1252\">", "Zulassung für Europa"))).ToArray();

        var text = Decode(bytes, out var encoding);

        Assert.Contains("Zulassung für Europa", text);
        Assert.Equal("utf-16le", encoding);
    }

    [Fact]
    public void Latin1_declaration_on_a_page_saved_as_utf8_is_overruled()
    {
        // A stale template declaration: the bytes are UTF-8, which legacy text almost never is by chance.
        var bytes = Encoding.UTF8.GetBytes(Page("<meta charset=\"iso-8859-1\">", "Café société: résumé naïf"));

        var text = Decode(bytes, out var encoding);

        Assert.Contains("Café société: résumé naïf", text);
        Assert.Equal("utf-8", encoding);
    }

    [Fact]
    public void Utf8_declaration_on_a_windows_1252_page_falls_back_to_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Page("<meta charset=\"utf-8\">", "Prix de l’été – 12 €"));

        var text = Decode(bytes, out var encoding);

        Assert.Contains("Prix de l’été – 12 €", text);
        Assert.Equal("windows-1252", encoding);
    }

    [Fact]
    public void Undeclared_page_is_utf8_when_valid_else_windows_1252()
    {
        Assert.Contains("Zürich – Genève", Decode(Encoding.UTF8.GetBytes(Page("", "Zürich – Genève")), out var first));
        Assert.Equal("utf-8", first);
        Assert.Contains("Zürich – Genève", Decode(Encoding.GetEncoding(1252).GetBytes(Page("", "Zürich – Genève")), out var second));
        Assert.Equal("windows-1252", second);
    }

    [Fact]
    public void Unknown_charset_label_is_sniffed_instead()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("<meta charset=\"x-made-up-9\">", "Ärzte begrüßen die Entscheidung"));

        Assert.Contains("Ärzte begrüßen die Entscheidung", Decode(bytes, out _));
    }

    [Fact]
    public void Latin1_and_ascii_labels_mean_windows_1252_as_in_browsers()
    {
        Assert.Equal(1252, HtmlDecoder.ForLabel("ISO-8859-1")!.CodePage);
        Assert.Equal(1252, HtmlDecoder.ForLabel("us-ascii")!.CodePage);
        Assert.Equal(Encoding.UTF8.CodePage, HtmlDecoder.ForLabel("utf-16")!.CodePage);
    }

    [Fact]
    public void Binary_data_is_E103_and_empty_input_is_E102()
    {
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[100] = 0;

        Assert.Null(HtmlDecoder.Decode(binary, "photo.html", out _, out var error));
        Assert.Equal(ErrorCode.BinaryContent, error!.Code);
        Assert.Equal("photo.html", error.Subject);

        Assert.Null(HtmlDecoder.Decode([], "empty.html", out _, out error));
        Assert.Equal(ErrorCode.EmptyItem, error!.Code);
    }
}
