global using NUnit.Framework;
global using SIaM.Testing;
