namespace CentralCount.Adjudication.Store;

/// <summary>A board action that cannot be carried out, with a message a person can act on.</summary>
public sealed class BoardException(string message) : Exception(message);
