// The Table 3 step against a GenEft.dll chosen at build time (see StepAB.csproj): best of 10 x 1000 steps of CPU time.
using System.Diagnostics;
using GenEft.Autodiff;
using GenEft.Nn;
using GenEft.Tensors;
const int P = 675;
var random = new Random(1);
var emb = new Embedding<float>(30, 2, EmbeddingInit.Normal, 1.0, random);
var dec = new Mlp<float>(4, 50, 3, 1, Activation.Tanh, random);
var adam = new Adam<float>([new(emb.Parameters(), 1e-3), new(dec.Parameters(), 1e-3)]);
int[] l = new int[P], r = new int[P]; var tg = DenseTensor<float>.Zeros(P, 1);
for (int i = 0; i < P; i++) { l[i] = random.Next(30); r[i] = random.Next(30); tg[i] = (l[i]+r[i])%2; }
var tape = new Tape<float>();
void Step() { tape.Reset(); adam.ZeroGrad(); var x = Ops.Concat(emb.Forward(tape, l), emb.Forward(tape, r)); var loss = Ops.BinaryCrossEntropyWithLogits(dec.Forward(x), tg); tape.Backward(loss); adam.Step(); }
for (int i = 0; i < 3000; i++) Step();
double best = 1e9;
var proc = Process.GetCurrentProcess();
for (int rep = 0; rep < 10; rep++) {
  var t0 = proc.TotalProcessorTime; proc.Refresh(); t0 = proc.TotalProcessorTime;
  for (int i = 0; i < 1000; i++) Step();
  proc.Refresh(); best = Math.Min(best, (proc.TotalProcessorTime - t0).TotalMicroseconds / 1000);
}
Console.WriteLine($"{args[0]} {best:F1}");
