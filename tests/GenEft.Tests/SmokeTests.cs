using FsCheck.Xunit;
using Xunit;

namespace GenEft.Tests;

public class SmokeTests
{
    [Fact]
    public void AssemblyLoads() => Assert.Equal("GenEft", typeof(GenEft.Tensors.TensorShape).Assembly.GetName().Name);

    [Property]
    public bool AdditionCommutes(int a, int b) => a + b == b + a;
}
