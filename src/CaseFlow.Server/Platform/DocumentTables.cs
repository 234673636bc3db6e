using Marten;

namespace CaseFlow.Server.Platform;

public static class DocumentTables
{
    /// <summary>The schema-qualified table Marten stores <typeparamref name="TDocument"/> in, for a statement written by hand.</summary>
    public static string TableOf<TDocument>(this IQuerySession session) =>
        session.DocumentStore.Options.FindOrResolveDocumentType(typeof(TDocument)).TableName.QualifiedName;
}
