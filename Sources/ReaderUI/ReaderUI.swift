/// The interactive reader. (Being built: see issue 4.)
public enum ReaderUI {}
