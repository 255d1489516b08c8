namespace CentralCount.Imaging;

/// <summary>Status codes returned by every function of the native shim.</summary>
internal enum NativeStatus
{
    Ok = 0,
    Argument = 1,
    Unsupported = 2,
    Corrupt = 3,
    SizeMismatch = 4,
    Encode = 5,
    NotFound = 6,
    Capacity = 7,
    Internal = 99,
}
