from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from journal.core.forms import ProfileForm, SignUpForm
from journal.core.services import profile_for, save_profile


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("journal:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
                profile = profile_for(user)
                profile.time_zone = form.cleaned_data["time_zone"]
                save_profile(profile)
        except IntegrityError:  # the same name taken a moment ago, by a sign-up running beside
            form.add_error("username", "A user with that username already exists.")
            return render(request, "registration/signup.html", {"form": form})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. Your journal is ready.")
        return redirect("journal:dashboard")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def account(request):
    from journal.imports.models import ImportJob

    unfinished = ImportJob.objects.filter(owner=request.user).exclude(
        status__in=[ImportJob.Status.DONE, ImportJob.Status.FAILED]
    )
    context = {"profile": profile_for(request.user), "unfinished_import": unfinished.first()}
    return render(request, "journal/account.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=profile_for(request.user))
    if request.method == "POST" and form.is_valid():
        save_profile(form.save(commit=False))
        messages.success(request, "Profile saved.")
        return redirect("journal:account")
    return render(request, "journal/profile_form.html", {"form": form})


@login_required
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """Delete the account and everything in it, after the password is confirmed."""
    error = None
    if request.method == "POST":
        if request.user.check_password(request.POST.get("password", "")):
            user = request.user
            logout(request)
            user.delete()
            messages.success(request, "Your account and all of its data are deleted.")
            return redirect("journal:dashboard")
        error = "That password is not right; nothing was deleted."
    return render(request, "journal/account_delete.html", {"error": error})
