namespace Rp.Frontend; internal static class Placeholder {}
