namespace CellRadar.Storage;

/// <summary>The store behind every command. (Placeholder.)</summary>
public interface IEventStore : IDisposable
{
}
