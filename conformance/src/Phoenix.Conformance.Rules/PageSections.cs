namespace Phoenix.Conformance.Rules;

/// <summary>Section names of the "Kernel modules" page, as clause sources.</summary>
public static class PageSections
{
    public const string KernelModules = "page: Kernel modules";
    public const string Filesystems = "page: Filesystems";
    public const string DeviceDrivers = "page: Device drivers";
}
