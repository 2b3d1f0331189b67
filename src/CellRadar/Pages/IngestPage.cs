using System.Text;
using System.Text.Json;
using CellRadar.Core.Errors;
using CellRadar.Storage;
using CellRadar.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace CellRadar.Pages;

/// <summary>
/// <c>/ingest</c>: paste an item or upload a file, see the events it gives, then save it. Plain form posts
/// (no script): the preview carries the input in hidden fields to the Save button's form. Forms carry an
/// antiforgery token, so another site cannot post into this one through the user's browser.
/// </summary>
internal static class IngestPage
{
    /// <summary>The form's fields, as posted (and carried from the preview to the save).</summary>
    private sealed record Input(string Title, string Url, string Published, string Text, string? UploadName, byte[]? Upload)
    {
        public static readonly Input Empty = new("", "", "", "", null, null);
    }

    public static IResult Form(HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access)
    {
        var html = Layout.Begin("Ingest an item", "/ingest");
        WriteForm(html, http, antiforgery, access, Input.Empty);
        return Layout.End(html);
    }

    public static async Task<IResult> Post(HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access, ItemIntake intake, IEventStore store)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return ErrorPage.Render(ErrorCode.FormTokenInvalid, StatusCodes.Status400BadRequest,
                "The form was not sent from this site's page, or it has expired. Open the ingest page again.");
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var input = await ReadInput(form, http.RequestAborted);
        var save = form["action"] == "save";
        if (input.Upload is null && string.IsNullOrWhiteSpace(input.Text))
        {
            var empty = Layout.Begin("Ingest an item", "/ingest");
            empty.Element("p", "Paste the text of an item or choose a file.", ("class", "error"), ("role", "alert"));
            WriteForm(empty, http, antiforgery, access, input);
            return Layout.End(empty, StatusCodes.Status400BadRequest);
        }
        var read = input.Upload is { } upload ? intake.FromFile(upload, input.UploadName ?? "upload.txt") : intake.FromContent(AsJson(input), "pasted");
        if (save && read.Records.Count > 0)
        {
            var saved = intake.Save(store, read);
            if (saved.Count == 1 && read.Errors.Count == 0) return Results.Redirect($"/items/{saved[0].ItemId}", permanent: false, preserveMethod: false);
            return Saved(saved, read.Errors);
        }
        return Preview(http, antiforgery, access, input, read);
    }

    private static IResult Preview(HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access, Input input, IntakeResult read)
    {
        var html = Layout.Begin("Preview", "/ingest");
        WriteErrors(html, read.Errors);
        if (read.Records.Count == 0)
        {
            html.Element("p", "Nothing could be read, so there is nothing to save.");
            WriteForm(html, http, antiforgery, access, input);
            return Layout.End(html, StatusCodes.Status422UnprocessableEntity);
        }
        var events = read.Records.Sum(r => r.Events.Count);
        html.Element("p", $"{read.Records.Count} item{(read.Records.Count == 1 ? "" : "s")}, {events} event{(events == 1 ? "" : "s")}. Nothing is stored until you save.", ("role", "status"));
        html.Open("form", ("method", "post"), ("action", "/ingest"), ("enctype", "multipart/form-data"), ("class", "save"));
        Token(html, http, antiforgery);
        Hidden(html, "title", input.Title);
        Hidden(html, "url", input.Url);
        Hidden(html, "published", input.Published);
        Hidden(html, "text", input.Text);
        if (input.Upload is { } upload)
        {
            Hidden(html, "upload_name", input.UploadName ?? "");
            Hidden(html, "upload", Convert.ToBase64String(upload));
        }
        KeyField(html, access);
        html.Element("button", "Save", ("type", "submit"), ("name", "action"), ("value", "save"))
            .Link("/ingest", "Start again")
            .Close("form");
        foreach (var record in read.Records)
        {
            html.Open("article", ("class", "preview"))
                .Element("h2", record.Title.Length > 0 ? record.Title : record.Item.Id)
                .Element("p", "Published: " + (record.Published?.ToString() ?? "not stated"), ("class", "date"));
            EventTable.Write(html, record.Events.Select(e => new EventTable.Row(e, null, false)), showItem: false,
                caption: record.Events.Count == 1 ? "1 event" : $"{record.Events.Count} events");
            html.Open("div", ("class", "item-text"));
            EvidenceText.Write(html, record.Text, [.. record.Events.Select(e => new EvidenceText.Marked(e.Evidence, false))]);
            html.Close("div").Close("article");
        }
        return Layout.End(html);
    }

    private static IResult Saved(IReadOnlyList<SavedItem> saved, IReadOnlyList<CellRadarError> errors)
    {
        var html = Layout.Begin("Saved", "/ingest");
        WriteErrors(html, errors);
        html.Open("ul", ("class", "saved"));
        foreach (var s in saved)
        {
            html.Open("li")
                .Link($"/items/{s.ItemId}", s.Record.Title.Length > 0 ? s.Record.Title : s.Record.Item.Id)
                .Text(s.Outcome == SaveOutcome.Inserted ? $": stored, {s.Record.Events.Count} events" : ": already stored")
                .Close("li");
        }
        html.Close("ul");
        return Layout.End(html);
    }

    private static void WriteForm(Html html, HttpContext http, IAntiforgery antiforgery, WriteAccessPolicy access, Input input)
    {
        html.Element("p", "Paste an article (plain text, HTML or a JSON item) or choose a file (.txt, .md, .html, .json, .jsonl, a feed, any of them .gz). You will see its events before anything is stored.");
        html.Open("form", ("method", "post"), ("action", "/ingest"), ("enctype", "multipart/form-data"), ("class", "ingest"));
        Token(html, http, antiforgery);
        Field(html, "title", "Title", input.Title, "text");
        Field(html, "url", "Web address", input.Url, "url");
        Field(html, "published", "Published (YYYY-MM-DD)", input.Published, "text");
        html.Open("div", ("class", "field wide"))
            .Element("label", "Text", ("for", "text"))
            .Element("textarea", input.Text, ("id", "text"), ("name", "text"), ("rows", "14"))
            .Close("div")
            .Open("div", ("class", "field wide"))
            .Element("label", "or a file", ("for", "file"))
            .Open("input", ("id", "file"), ("name", "file"), ("type", "file"))
            .Close("div");
        KeyField(html, access);
        html.Open("div", ("class", "actions"))
            .Element("button", "Preview events", ("type", "submit"), ("name", "action"), ("value", "preview"))
            .Close("div")
            .Close("form");
    }

    private static void WriteErrors(Html html, IReadOnlyList<CellRadarError> errors)
    {
        if (errors.Count == 0) return;
        html.Open("ul", ("class", "errors"), ("role", "alert"));
        foreach (var e in errors) html.Element("li", e.ToString());
        html.Close("ul");
    }

    private static void KeyField(Html html, WriteAccessPolicy access)
    {
        if (!access.RequiresKey) return;
        html.Open("div", ("class", "field"))
            .Element("label", "API key", ("for", WriteAccessPolicy.FormField))
            .Open("input", ("id", WriteAccessPolicy.FormField), ("name", WriteAccessPolicy.FormField), ("type", "password"), ("autocomplete", "off"), ("required", ""))
            .Close("div");
    }

    private static void Token(Html html, HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        Hidden(html, tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static void Hidden(Html html, string name, string value) =>
        html.Open("input", ("type", "hidden"), ("name", name), ("value", value));

    private static void Field(Html html, string name, string label, string value, string type) =>
        html.Open("div", ("class", "field"))
            .Element("label", label, ("for", name))
            .Open("input", ("id", name), ("name", name), ("type", type), ("value", value))
            .Close("div");

    private static async Task<Input> ReadInput(IFormCollection form, CancellationToken cancel)
    {
        string Value(string name) => form[name].ToString();
        byte[]? upload = null;
        string? uploadName = null;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancel);
            upload = buffer.ToArray();
            uploadName = file.FileName;
        }
        else if (Value("upload") is { Length: > 0 } carried)
        {
            // The preview's Save form carries an uploaded file as base64; a value that is not base64 is no upload.
            var bytes = new byte[carried.Length * 3 / 4 + 3];
            if (Convert.TryFromBase64String(carried, bytes, out var n))
            {
                upload = bytes[..n];
                uploadName = Value("upload_name");
            }
        }
        return new Input(Value("title"), Value("url"), Value("published"), Value("text"), uploadName, upload);
    }

    /// <summary>
    /// The pasted text as it is when no other field is filled (its format is sniffed: a JSON item, a page, text with a
    /// header block); else the fields as one JSON item, so the JSON reader checks them (a bad date is E107, as from a file).
    /// </summary>
    private static byte[] AsJson(Input input)
    {
        if (input.Title.Length == 0 && input.Url.Length == 0 && input.Published.Length == 0) return Encoding.UTF8.GetBytes(input.Text);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (input.Title.Length > 0) json.WriteString("title", input.Title);
            // Pasted markup is a page to extract the article from; anything else is the article's text.
            json.WriteString(input.Text.TrimStart().StartsWith('<') ? "html" : "text", input.Text);
            if (input.Url.Length > 0) json.WriteString("url", input.Url.Trim());
            if (input.Published.Length > 0) json.WriteString("published", input.Published.Trim());
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
