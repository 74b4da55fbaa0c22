namespace Rp.Backend; internal static class Placeholder {}
