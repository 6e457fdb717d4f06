using System.Data.Common;
using ShopKernel.EntityFrameworkCore.Carts;

namespace ShopKernel.Benchmarks.Carts;

/// <summary>Reads a cart row in plain ADO.NET with the same SELECT the EF store sends: the baselines' read.</summary>
internal static class RawCartReader
{
    public static async Task<CartRecord> ReadAsync(DbConnection connection, string token)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT "id", "created_at", "currency", "customer_id", "expires_at", "line_count", "lines", "next_line_id", "subtotal", "token", "total_quantity", "updated_at", "version"
            FROM "shopkernel_carts" WHERE "token" = @token LIMIT 1
            """;
        var parameter = select.CreateParameter();
        parameter.ParameterName = "@token";
        parameter.Value = token;
        select.Parameters.Add(parameter);
        await using var reader = await select.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The cart row is missing.");
        }

        return new CartRecord
        {
            Id = reader.GetGuid(0),
            CreatedAt = reader.GetDateTime(1),
            Currency = reader.GetString(2),
            CustomerId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
            ExpiresAt = reader.GetDateTime(4),
            LineCount = reader.GetInt32(5),
            Lines = reader.GetString(6),
            NextLineId = reader.GetInt32(7),
            Subtotal = reader.GetInt64(8),
            Token = reader.GetString(9),
            TotalQuantity = reader.GetInt32(10),
            UpdatedAt = reader.GetDateTime(11),
            Version = reader.GetInt64(12),
        };
    }
}
