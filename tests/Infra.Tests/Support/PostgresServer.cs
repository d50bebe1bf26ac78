using System.Diagnostics;

namespace OrderPlatform.Infra.Tests.Support;

/// <summary>
/// A private PostgreSQL instance (the Debian `postgresql` package, installed by scripts/install-prereqs.sh) in a temp
/// folder, listening on a Unix socket only, with trust authentication so a test can connect as any role: privileges,
/// not passwords, are what the tests check. Set up like Azure Database for PostgreSQL Flexible Server: a NOLOGIN
/// `azure_pg_admin` role owning the app databases, an administrator that is a non-superuser member of it with
/// CREATEROLE, and a stand-in for Azure's `pgaadauth_create_principal_with_oid` that creates a login role.
/// </summary>
public sealed class PostgresServer
{
    public const string Admin = "azd-admin-test";
    public const int Port = 5499;

    private readonly string dir = Directory.CreateTempSubdirectory("infra-pg-").FullName;
    private string binDir = string.Empty;

    public string SocketDirectory => dir;

    private string DataDirectory => Path.Combine(dir, "data");

    private static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        binDir = FindBinDirectory();
        if (IsRoot)
        {
            // initdb and postgres refuse to run as root: the package's `postgres` user owns the instance.
            await RunAsync("chown", ["postgres", dir]);
        }

        await AsServerUserAsync("initdb", ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "--no-sync"]);
        await AsServerUserAsync("pg_ctl", ["-D", DataDirectory, "-w", "-l", Path.Combine(dir, "log"), "-o",
            $"-p {Port} -k {dir} -c listen_addresses='' -c fsync=off", "start"]);
        await PsqlAsync("postgres", "postgres", """
            CREATE ROLE azure_pg_admin NOLOGIN;
            CREATE ROLE "azd-admin-test" LOGIN CREATEROLE CREATEDB IN ROLE azure_pg_admin;
            CREATE FUNCTION pgaadauth_create_principal_with_oid(role_name text, object_id text, object_type text, is_admin boolean, is_mfa boolean)
              RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$
            BEGIN
              EXECUTE format('CREATE ROLE %I LOGIN', role_name);
              EXECUTE format('COMMENT ON ROLE %I IS %L', role_name, object_type || ':' || object_id);
              IF is_admin THEN EXECUTE format('GRANT azure_pg_admin TO %I', role_name); END IF;
              RETURN format('Created role for "%s"', role_name);
            END $$;
            GRANT EXECUTE ON FUNCTION pgaadauth_create_principal_with_oid TO azure_pg_admin;
            """);
    }

    public async Task DisposeAsync()
    {
        await AsServerUserAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "stop"], check: false);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Creates a database owned by azure_pg_admin, as ARM does for flexibleServers/databases.</summary>
    public Task CreateDatabaseAsync(string name) => PsqlAsync("postgres", "postgres", $"CREATE DATABASE \"{name}\" OWNER azure_pg_admin;");

    /// <summary>Runs SQL as a role; throws with psql's output when it fails.</summary>
    public Task<ProcessResult> PsqlAsync(string user, string database, string sql, bool check = true) =>
        RunAsync("psql", ["--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1", "-h", dir, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", user, "-d", database, "-tA", "-c", sql], check: check);

    /// <summary>Environment for a script that connects with libpq defaults (PGPORT) to this server.</summary>
    public static IReadOnlyDictionary<string, string> LibpqEnvironment => new Dictionary<string, string>
    {
        ["PGPORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public sealed record ProcessResult(int ExitCode, string Output);

    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, bool check = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var result = new ProcessResult(process.ExitCode, (await stdout) + (await stderr));
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {result.ExitCode}: {result.Output}");
        }

        return result;
    }

    private Task<ProcessResult> AsServerUserAsync(string tool, IEnumerable<string> args, bool check = true)
    {
        var path = Path.Combine(binDir, tool);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args], check: check) : RunAsync(path, args, check: check);
    }

    /// <summary>The server binaries: Debian keeps them in /usr/lib/postgresql/&lt;major&gt;/bin, off the PATH.</summary>
    private static string FindBinDirectory()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
            : Enumerable.Empty<string>();
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        return debian.Concat(path).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found: run scripts/install-prereqs.sh (apt package postgresql).");
    }
}
