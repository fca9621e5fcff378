# Checks inheritance: overriding, super() calls, multiple inheritance MRO, isinstance/issubclass.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def describe(self):
        return type(self).__name__ + ":" + self.name

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " (squeaky, age " + str(self.age) + ")"

animals = [Animal("generic"), Dog("rex"), Puppy("bit", 1)]
for a in animals:
    print(a.speak(), "|", a.describe())
print(isinstance(animals[2], Dog), isinstance(animals[1], Puppy), issubclass(Puppy, Animal), issubclass(Animal, object))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__)

class A:
    def who(self):
        return ["A"]

class B(A):
    def who(self):
        return ["B"] + super().who()

class C(A):
    def who(self):
        return ["C"] + super().who()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

print(D().who(), [k.__name__ for k in D.mro()])

class MyList(list):
    def total(self):
        return sum(self)

ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__)

class Ex(ValueError):
    def __str__(self):
        return "custom: " + super().__str__()

print(str(Ex("detail")), Ex.__mro__[1].__name__)
